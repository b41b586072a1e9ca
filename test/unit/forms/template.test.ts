import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { parseTemplate, validateTemplate } from '../../../core/domain/forms/template';

const base = (blocks: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: 1,
  title: 'Phiếu — {{dossier.code}}',
  blocks,
  ...extra,
});

function problem(raw: unknown): { path: unknown; problem: unknown; template: unknown } {
  try {
    validateTemplate(raw, 'test.json');
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe('FORMS_TEMPLATE_INVALID');
    return { path: err.params['path'], problem: err.params['problem'], template: err.params['template'] };
  }
  throw new Error('template was accepted');
}

describe('template validation', () => {
  it('accepts a template using every block type', () => {
    const t = validateTemplate(
      base(
        [
          { type: 'header', left: ['**{{agency.name | upper}}**', '--'], right: ['x', '---'] },
          { type: 'title', text: 'TIÊU ĐỀ', subtitle: ['Mã: {{dossier.code}}'] },
          { type: 'paragraph', text: '{{applicant.fullName}}', when: 'applicant.kind == citizen', indent: 10 },
          { type: 'fields', rows: [{ label: 'Lệ phí', value: '{{fees.fee | money}}', when: 'fees.fee' }] },
          {
            type: 'table',
            source: 'checklist',
            columns: [
              { header: 'TT', value: '{{#}}', width: 1 },
              { header: 'Tên', value: '{{name}} — {{mark | mark}} ({{dossier.code}})', width: 5, layouts: ['a4'] },
            ],
          },
          { type: 'qr', float: true, caption: ['{{dossier.lookupPin}}'] },
          { type: 'signatures', columns: [{ title: 'A', name: '{{officer.name}}' }] },
          { type: 'spacer', height: 3 },
          { type: 'rule', dashed: true },
        ],
        { footer: 'Trang {{page}}/{{pages}}', requires: ['refusal.reason'] },
      ),
      'ok.json',
    );
    expect(t.blocks).toHaveLength(9);
  });

  it('names the place of an unknown placeholder', () => {
    const p = problem(base([{ type: 'title', text: 'x' }, { type: 'paragraph', text: 'Tên: {{applicant.fulName}}' }]));
    expect(p).toMatchObject({ path: 'blocks[1].text', template: 'test.json' });
    expect(String(p.problem)).toContain('applicant.fulName');
  });

  it('checks formatters and their arguments', () => {
    expect(problem(base([{ type: 'paragraph', text: '{{fees.fee | currency}}' }])).problem).toMatch(/unknown formatter "currency"/);
    expect(problem(base([{ type: 'paragraph', text: '{{fees.fee | money:x}}' }])).problem).toMatch(/takes no argument/);
    expect(problem(base([{ type: 'paragraph', text: '{{dossier.dueAt | date:abc}}' }])).problem).toMatch(/date pattern/);
    expect(problem(base([{ type: 'paragraph', text: '{{dossier.channel | label:colours}}' }])).problem).toMatch(/label group/);
    expect(problem(base([{ type: 'paragraph', text: '{{x | prefix}}' }])).path).toBe('blocks[0].text');
  });

  it('refuses printing a list or a group as a value', () => {
    expect(problem(base([{ type: 'paragraph', text: '{{checklist}}' }])).problem).toMatch(/is a list/);
    expect(problem(base([{ type: 'paragraph', text: '{{applicant}}' }])).problem).toMatch(/group of values/);
  });

  it('checks table sources and row scopes', () => {
    const table = (source: string, value: string): unknown =>
      base([{ type: 'table', source, columns: [{ header: 'h', value, width: 1 }] }]);
    expect(problem(table('applicant', '{{name}}')).path).toBe('blocks[0].source');
    expect(problem(table('checklist', '{{reason}}'))).toMatchObject({ path: 'blocks[0].columns[0].value' });
    expect(() => validateTemplate(table('supplement.items', '{{#}}. {{reason}}'), 't')).not.toThrow();
    // Row fields are not visible outside the table.
    expect(problem(base([{ type: 'paragraph', text: '{{name}}' }])).problem).toMatch(/unknown placeholder "name"/);
  });

  it('checks conditions, requires and the footer', () => {
    expect(problem(base([{ type: 'paragraph', text: 'x', when: 'applicant.gender' }])).path).toBe('blocks[0].when');
    expect(problem(base([{ type: 'paragraph', text: 'x' }], { requires: ['refusal.why'] })).path).toBe('requires[0]');
    expect(problem(base([{ type: 'paragraph', text: '{{page}}' }])).problem).toMatch(/unknown placeholder "page"/);
    expect(() => validateTemplate(base([{ type: 'rule' }], { footer: '{{page}}/{{pages}}' }), 't')).not.toThrow();
  });

  it('reports schema mistakes with their JSON path', () => {
    expect(problem(base([{ type: 'table', source: 'checklist', columns: [{ header: 'h', value: 'v' }] }])).path).toBe(
      'blocks[0].columns[0].width',
    );
    expect(problem(base([{ type: 'paragraph', text: 'x', colour: 'red' }])).path).toBe('blocks[0]');
    expect(problem(base([{ type: 'picture' }])).path).toMatch(/^blocks\[0\]/);
    expect(problem({ ...base([{ type: 'rule' }]), version: 2 }).path).toBe('version');
    expect(problem(base([])).path).toBe('blocks');
  });

  it('reports JSON syntax errors', () => {
    try {
      parseTemplate('{ "version": 1,', 'bad.json');
      throw new Error('accepted');
    } catch (e) {
      expect((e as AppError).code).toBe('FORMS_TEMPLATE_INVALID');
      expect((e as AppError).params['path']).toBe('(file)');
    }
  });
});
