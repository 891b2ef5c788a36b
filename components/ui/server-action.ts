import type { ActionResult } from '@/lib/auth/errors';

/*
 * Components never import server actions from app/: the page imports them and hands them down as props.
 * A component that needs one action takes it as `action`; one that needs several, for itself or for the
 * components it renders, takes one `actions` object whose keys say what each does.
 */

/** A server action (a 'use server' function from app/) that answers with a small result object. */
export type ServerAction<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;

/** A server action bound to `<form action={...}>`: it receives the form's data and redirects or refreshes. */
export type FormAction = (form: FormData) => Promise<void>;
