import { createContext, useContext, useId, type FormEvent, type ReactNode } from 'react';

const FreeTextFormId = createContext<string | undefined>(undefined);

/** The id of the form free-text fields belong to (their `form` attribute), if the page has one. */
export const useFreeTextFormId = (): string | undefined => useContext(FreeTextFormId);

const refuse = (event: FormEvent) => event.preventDefault();

/**
 * A second, empty form beside the application form, which its free-text fields name as their
 * form (the `form` attribute; they stay where they are in the page). Chromium's autofill reads
 * every field of a field's form on each keystroke (the `TextFieldValueChanged` task of its form
 * tracker): on the 200-field bench form about 5 ms of CPU a key, more than React and the frame
 * together, and often run before the frame that shows the key (bench/formBench.ts). Free text is
 * nothing autofill fills; the fields it does fill (names, phones, addresses) stay in the
 * application form, where it can fill them together. This form is never submitted: the data is
 * rjsf's state, not the page's form fields.
 */
export function FreeTextForm({ children }: { children: ReactNode }) {
  const id = useId();
  return (
    <FreeTextFormId.Provider value={id}>
      {children}
      <form id={id} hidden noValidate onSubmit={refuse} />
    </FreeTextFormId.Provider>
  );
}

/**
 * What Enter in a one-line field of the application form does (implicit submission: a click on
 * its first submit button, none if that is disabled), for a free-text line whose form is the
 * empty one.
 */
export function submitImplicitly(form: HTMLFormElement | null): void {
  const button = [...(form?.elements ?? [])].find(
    (element): element is HTMLButtonElement | HTMLInputElement =>
      (element instanceof HTMLButtonElement || element instanceof HTMLInputElement) && element.type === 'submit',
  );
  if (button && !button.disabled) button.click();
}
