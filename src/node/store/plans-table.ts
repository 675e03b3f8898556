import type { Database, Statement } from 'better-sqlite3';
import { planSchema, type Plan } from '../../common/ipc/api-types';
import { parseJson } from './parse-json';

interface PlanRow {
  id: number;
  course_id: string;
  name: string;
  steps: string;
  budget_minutes: number | null;
}

interface PlanParameters {
  id: number | null;
  courseId: string;
  name: string;
  steps: string;
  budgetMinutes: number | null;
  now: string;
}

const COLUMNS = 'id, course_id, name, steps, budget_minutes';

/** Session plans, one course's at a time (table plans). */
export class PlansTable {
  private readonly listStatement: Statement<[string], PlanRow>;
  private readonly insertStatement: Statement<[PlanParameters], PlanRow>;
  private readonly updateStatement: Statement<[PlanParameters], PlanRow>;
  private readonly removeStatement: Statement<[number]>;

  constructor(
    db: Database,
    private readonly timestamp: () => string,
  ) {
    this.listStatement = db.prepare<[string], PlanRow>(
      `SELECT ${COLUMNS} FROM plans WHERE course_id = ? ORDER BY id`,
    );
    this.insertStatement = db.prepare<[PlanParameters], PlanRow>(
      `INSERT INTO plans (course_id, name, steps, budget_minutes, created_at, updated_at)
       VALUES (@courseId, @name, @steps, @budgetMinutes, @now, @now) RETURNING ${COLUMNS}`,
    );
    // A plan stays with its course: an id from another course updates nothing, like an unknown id.
    this.updateStatement = db.prepare<[PlanParameters], PlanRow>(
      `UPDATE plans SET name = @name, steps = @steps, budget_minutes = @budgetMinutes, updated_at = @now
       WHERE id = @id AND course_id = @courseId RETURNING ${COLUMNS}`,
    );
    this.removeStatement = db.prepare<[number]>('DELETE FROM plans WHERE id = ?');
  }

  /** A course's plans in the order they were made; rows that fail validation are skipped. */
  list(courseId: string): Plan[] {
    return this.listStatement.all(courseId).flatMap((row) => {
      const plan = toPlan(row);
      return plan === null ? [] : [plan];
    });
  }

  /**
   * Inserts a plan whose id is null, or updates the plan with that id; returns it as stored, or null when
   * there is no plan with that id for that course (the caller reports not-found). The plan is checked against
   * planSchema first so the store never writes a row it would skip when reading it back.
   */
  save(plan: Plan): Plan | null {
    const checked = planSchema.parse(plan);
    const parameters: PlanParameters = {
      id: checked.id,
      courseId: checked.courseId,
      name: checked.name,
      steps: JSON.stringify(checked.steps),
      budgetMinutes: checked.budgetMinutes,
      now: this.timestamp(),
    };
    const row =
      checked.id === null ? this.insertStatement.get(parameters) : this.updateStatement.get(parameters);
    return row === undefined ? null : toPlan(row);
  }

  /** Deletes a plan; sessions held with it keep their history with plan_id set to null. */
  remove(id: number): boolean {
    return this.removeStatement.run(id).changes > 0;
  }
}

function toPlan(row: PlanRow): Plan | null {
  const parsed = planSchema.safeParse({
    id: row.id,
    courseId: row.course_id,
    name: row.name,
    steps: parseJson(row.steps),
    budgetMinutes: row.budget_minutes,
  });
  return parsed.success ? parsed.data : null;
}
