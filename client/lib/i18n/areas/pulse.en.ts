export const pulseEn = {
  pulse: { title: 'Culture pulse' },
};
