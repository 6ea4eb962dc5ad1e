import type { GuideAnswers, GuideQuestion } from '@matterflow/schemas';

/**
 * The matter's guiding questions (情形) as radio groups: 情形引导 and the apply page ask them the
 * same way, so an applicant who answered one recognises the other.
 */
export function GuideQuestions({
  questions,
  answers,
  onAnswer,
  disabled = false,
}: {
  questions: readonly GuideQuestion[];
  answers: GuideAnswers;
  onAnswer: (questionId: string, value: string) => void;
  disabled?: boolean;
}) {
  return (
    <form className="questions" onSubmit={(event) => event.preventDefault()}>
      {questions.map((question) => (
        <fieldset key={question.id} className="question" disabled={disabled}>
          <legend>{question.title}</legend>
          {question.help && <p className="muted">{question.help}</p>}
          {question.options.map((option) => {
            const id = `q-${question.id}-${option.value}`;
            return (
              <div key={option.value} className="option">
                <input
                  type="radio"
                  id={id}
                  name={question.id}
                  value={option.value}
                  checked={answers[question.id] === option.value}
                  onChange={() => onAnswer(question.id, option.value)}
                />
                <label htmlFor={id}>{option.title}</label>
              </div>
            );
          })}
        </fieldset>
      ))}
    </form>
  );
}
