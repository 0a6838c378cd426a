/** The Danish catalogs are typed against the English ones, so a missing key fails the type check. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
