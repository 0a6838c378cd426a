export const liveEn = {
  live: { title: 'Meeting' },
};
