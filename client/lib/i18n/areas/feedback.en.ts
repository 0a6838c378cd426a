export const feedbackEn = {
  feedback: { title: 'Feedback' },
};
