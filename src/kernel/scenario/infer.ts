import type * as z from 'zod/mini';

/** The action type a table of action shapes describes: `{ do: name } & fields`, one member per action. */
export type Infer<Shapes extends Record<string, z.core.$ZodShape>> = {
  [K in keyof Shapes & string]: [keyof Shapes[K]] extends [never]
    ? { do: K }
    : { do: K } & z.infer<z.ZodMiniObject<Shapes[K]>>;
}[keyof Shapes & string];
