export const importsEn = {
  imports: { title: 'Import feedback' },
};
