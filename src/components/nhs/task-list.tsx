/** The NHS task list: each task's name (a link unless it cannot start yet), hint and status tag. */
import { Tag, type TagColour } from './tag';

export interface Task {
  readonly id: string;
  readonly name: string;
  readonly href?: string;
  readonly hint?: string;
  readonly status: string;
  /** Omit for the plain, uncoloured "Completed" style. */
  readonly colour?: TagColour;
}

export function TaskList({ idPrefix, tasks }: { readonly idPrefix: string; readonly tasks: readonly Task[] }) {
  return (
    <ul className="nhsuk-task-list">
      {tasks.map((task, index) => {
        const hintId = `${idPrefix}-${index + 1}-hint`;
        const statusId = `${idPrefix}-${index + 1}-status`;
        return (
          <li className={`nhsuk-task-list__item${task.href ? ' nhsuk-task-list__item--with-link' : ''}`} key={task.id}>
            <div className="nhsuk-task-list__name-and-hint">
              {task.href ? (
                <a
                  className="nhsuk-task-list__link nhsuk-link"
                  href={task.href}
                  aria-describedby={[task.hint ? hintId : '', statusId].filter(Boolean).join(' ')}
                >
                  {task.name}
                </a>
              ) : (
                <div>{task.name}</div>
              )}
              {task.hint ? (
                <div className="nhsuk-task-list__hint" id={hintId}>
                  {task.hint}
                </div>
              ) : null}
            </div>
            <div
              className={`nhsuk-task-list__status${task.href ? '' : ' nhsuk-task-list__status--cannot-start-yet'}`}
              id={statusId}
            >
              {task.colour ? <Tag colour={task.colour}>{task.status}</Tag> : task.status}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
