/**
 * What each plugin hook receives and must answer, as JSON Schemas: the SDK's types, the host's
 * checks of a plugin's answer and the callers in intake and cases are all derived from these, so a
 * plugin that compiles against the SDK answers what the platform accepts. Inputs are JSON the host
 * builds; outputs are checked here before anything of ours reads them.
 */

const matter = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'version', 'name', 'departmentCode'],
  properties: {
    code: { type: 'string' },
    version: { type: 'integer' },
    name: { type: 'string' },
    departmentCode: { type: 'string' },
  },
} as const;

const form = { type: 'object', additionalProperties: true } as const;
const answers = { type: 'object', additionalProperties: { type: 'string' } } as const;
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const id = { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' } as const;

export const hookSchemas = {
  validate: {
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['matter', 'form', 'answers', 'materials'],
      properties: {
        matter,
        form,
        answers,
        /** Ids of the materials the applicant has supplied files for. */
        materials: { type: 'array', items: { type: 'string' } },
      },
    },
    output: {
      type: 'object',
      additionalProperties: false,
      required: ['issues'],
      properties: {
        issues: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['pointer', 'message'],
            properties: {
              /** Where the problem is, in the application: /formData/…, /answers/… or /materials/…. */
              pointer: { type: 'string', pattern: '^/(formData|answers|materials)(/.*)?$', maxLength: 500 },
              /** Shown to the applicant as it is: Chinese, naming the field by its title. */
              message: text(200),
              code: { type: 'string', pattern: '^[a-z][a-z0-9_.]{0,62}$' },
            },
          },
        },
      },
    },
  },
  computeFees: {
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['matter', 'form', 'answers'],
      properties: { matter, form, answers },
    },
    output: {
      type: 'object',
      additionalProperties: false,
      required: ['lines'],
      properties: {
        lines: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['item', 'amountFen', 'quantity', 'basis'],
            properties: {
              item: text(100),
              /** Per unit, in 分 (integers: no floating-point money). */
              amountFen: { type: 'integer', minimum: 0, maximum: 10000000000 },
              quantity: { type: 'integer', minimum: 1, maximum: 10000 },
              /** The charging standard and its document, as the receipt prints it. */
              basis: text(300),
            },
          },
        },
        note: text(300),
      },
    },
  },
  materials: {
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['matter', 'form', 'answers'],
      properties: { matter, form, answers },
    },
    output: {
      type: 'object',
      additionalProperties: false,
      required: ['require'],
      properties: {
        /** Materials of the matter's own list that this application must bring, and why. */
        require: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['materialId', 'reason'],
            properties: { materialId: id, reason: text(200) },
          },
        },
      },
    },
  },
  prefill: {
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['matter', 'applicant'],
      properties: {
        matter,
        applicant: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'name'],
          properties: {
            kind: { enum: ['person', 'organisation'] },
            name: { type: 'string' },
            idNumber: { type: 'string' },
            creditCode: { type: 'string' },
          },
        },
      },
    },
    output: {
      type: 'object',
      additionalProperties: false,
      required: ['formData'],
      properties: {
        /** Initial form data; the form's own schema still validates it, and the applicant may change it. */
        formData: form,
        /** Where each prefilled value came from (shown beside the field). */
        sources: {
          type: 'array',
          maxItems: 200,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['pointer', 'source'],
            properties: { pointer: { type: 'string', pattern: '^/', maxLength: 500 }, source: text(100) },
          },
        },
      },
    },
  },
  route: {
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['matter', 'form', 'answers', 'steps'],
      properties: {
        matter,
        form,
        answers,
        /** The flow's parallel steps and their branches, for the plugin to choose among. */
        steps: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name', 'branches'],
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              branches: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['id', 'name'],
                  properties: { id: { type: 'string' }, name: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
    output: {
      type: 'object',
      additionalProperties: false,
      required: ['branches'],
      properties: {
        /** Per parallel step id, the branch ids to start (instead of the branches' own conditions). */
        branches: { type: 'object', maxProperties: 50, additionalProperties: { type: 'array', maxItems: 20, items: id } },
        reason: text(200),
      },
    },
  },
  onEvent: {
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['matter', 'caseNumber', 'event'],
      properties: {
        matter,
        caseNumber: { type: 'string' },
        event: {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'at'],
          properties: {
            type: { type: 'string' },
            at: { type: 'string' },
            title: { type: 'string' },
            stepId: { type: 'string' },
          },
        },
      },
    },
    output: { type: 'object', additionalProperties: false, properties: { note: text(200) } },
  },
} as const;

export type HookName = keyof typeof hookSchemas;
export const HOOK_NAMES = Object.keys(hookSchemas) as HookName[];

/** Hooks whose failure the matter decides about (block the applicant, or let the window check). */
export const APPLICANT_FACING_HOOKS: readonly HookName[] = ['validate', 'computeFees'];
