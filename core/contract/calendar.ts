import { z } from 'zod';
import { command, query } from './method';

export const localDateTimeInput = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'YYYY-MM-DDTHH:mm');
const windowSpec = z.tuple([z.string(), z.string()]);
export const windowsConfigSchema = z.record(z.string().regex(/^[0-6]$/), z.array(windowSpec));

export const calendarConfigSchema = z.object({
  /** Windows for agencies without their own. */
  defaultWindows: windowsConfigSchema,
  /** Agency code → its windows. */
  agencyWindows: z.record(z.string(), windowsConfigSchema),
  /** The official holiday file ({"years": {...}}) or null for the built-in rules only. */
  official: z.unknown().nullable(),
});
export type CalendarConfig = z.infer<typeof calendarConfigSchema>;

export const calendarContract = {
  dueDate: query({
    summary: 'The due date-time for a receipt time and a processing time in working days or hours',
    access: 'session',
    input: z
      .object({
        received: localDateTimeInput,
        days: z.number().positive().max(1000).optional(),
        hours: z.number().positive().max(24000).optional(),
        agencyCode: z.string().max(40).optional(),
        /** An official calendar to use instead of the configured one (the CLI's --calendar FILE). */
        official: z.unknown().optional(),
      })
      .strict()
      .refine((v) => (v.days === undefined) !== (v.hours === undefined), { message: 'give days or hours, not both', path: ['days'] }),
    output: z.object({ due: localDateTimeInput }),
  }),
  holidays: query({
    summary: 'Days off of a year (built-in rules or the official file) and make-up working days',
    access: 'session',
    input: z.object({ year: z.number().int().min(1900).max(2199) }).strict(),
    output: z.object({
      official: z.boolean(),
      holidays: z.array(z.object({ date: z.string(), kind: z.string(), name: z.string(), nameEn: z.string() })),
      workdays: z.array(z.string()),
    }),
  }),
  getConfig: query({
    summary: 'Working windows per agency and the official holiday file',
    access: 'session',
    input: z.object({}).strict().default({}),
    output: calendarConfigSchema,
  }),
  setWindows: command({
    summary: 'Set the working windows of one agency, or the default ones (agencyCode omitted); null removes an agency\'s own',
    access: ['admin', 'supervisor'],
    input: z.object({ agencyCode: z.string().max(40).optional(), windows: windowsConfigSchema.nullable() }).strict(),
    output: calendarConfigSchema,
  }),
  setOfficial: command({
    summary: 'Load the official holiday calendar file (replaces the built-in holidays of every year it lists)',
    access: ['admin', 'supervisor'],
    input: z.object({ official: z.unknown().nullable() }).strict(),
    output: calendarConfigSchema,
  }),
} as const;
