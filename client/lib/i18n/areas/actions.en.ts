export const actionsEn = {
  actions: { title: 'Actions' },
};
