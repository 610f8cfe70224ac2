/**
 * Form field names for question ids. react-hook-form reads "." as a path into nested objects, and
 * question ids contain dots ("org.legal-name"), so each id is encoded as a flat name.
 */
export const fieldName = (questionId: string): string => `q_${questionId.replace(/\./g, '__')}`;
export const questionIdOf = (name: string): string => name.replace(/^q_/, '').replace(/__/g, '.');
