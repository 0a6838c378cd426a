import { Type, type Static } from 'typebox';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { examples: [{ error: { code: 'NOT_FOUND', message: 'Team not found' } }] },
);
export type ErrorResponse = Static<typeof ErrorSchema>;

export const OkSchema = Type.Object({ ok: Type.Literal(true) });

export const Email = Type.String({ format: 'email', maxLength: 254, minLength: 3 });
/** The password rule, shown on every form that sets one before the first try. */
export const PASSWORD_MIN_LENGTH = 10;
export const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 });
export const PersonName = Type.String({ minLength: 1, maxLength: 100 });
export const IsoDateTime = Type.String({ format: 'date-time' });
