export const meetingsEn = {
  meetings: { title: 'Meetings' },
};
