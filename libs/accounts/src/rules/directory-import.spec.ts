import { parsePersonRows, parseUnitRows, sortProblems } from './directory-import';
import { ExistingUnit, planImport } from './import-plan';

const existing: ExistingUnit[] = [
  { id: 'root', code: 'SGDĐT', kind: 'agency', parentId: null, headUserId: 'h' },
  { id: 'vp', code: 'VP', kind: 'department', parentId: 'root', headUserId: null },
  { id: 'school', code: 'THPT', kind: 'agency', parentId: 'root', headUserId: null },
  { id: 'school-vp', code: 'VP', kind: 'department', parentId: 'school', headUserId: null },
];

describe('directory import: reading rows', () => {
  it('reads units and people, normalising codes, names and roles', () => {
    const units = parseUnitRows('code,name,kind,parent\nqlcn,"Phòng Quản lý, Công nghiệp",department,sgdđt\n');
    expect(units).toEqual({
      rows: [{ line: 2, code: 'QLCN', name: 'Phòng Quản lý, Công nghiệp', kind: 'department', parent: 'SGDĐT' }],
      problems: [],
    });
    const people = parsePersonRows('Full_Name,unit,roles,position,head\n  Nguyễn  Văn Bằng ,VP,"clerk; Officer",Văn thư,\nLê Minh Khoa,sgdđt/vp,leader,,x\n');
    expect(people.problems).toEqual([]);
    expect(people.rows).toEqual([
      { line: 2, fullName: 'Nguyễn Văn Bằng', unit: 'VP', roles: ['clerk', 'officer'], position: 'Văn thư', head: false },
      { line: 3, fullName: 'Lê Minh Khoa', unit: 'SGDĐT/VP', roles: ['leader'], position: null, head: true },
    ]);
  });

  it('refuses missing, unknown and repeated columns before reading any row', () => {
    const { problems } = parsePersonRows('full_name,unit,email,unit\nA,B,c,d\n');
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('"roles"'),
      expect.stringContaining('"email"'),
      expect.stringContaining('"unit"'),
    ]);
    expect(problems.every((p) => p.field === 'people:1')).toBe(true);
  });

  it('reports every bad row with its line and column', () => {
    const text = [
      'full_name,unit,roles,position,head',
      'Nguyễn Văn 2,VP,officer,,',
      'Trần Thị Lan,VP,chief,,',
      'NguyÔn V¨n B»ng,VP,officer,,maybe',
      'Lê Văn Tám,,officer,,',
      'only,three,fields',
    ].join('\n');
    const { rows, problems } = parsePersonRows(text);
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.field)).toEqual([
      'people:2:full_name',
      'people:3:roles',
      'people:4:full_name',
      'people:4:head',
      'people:5:unit',
      'people:6',
    ]);
    expect(problems[2].message).toContain('TCVN3');
  });

  it('reports a CSV syntax error with its line', () => {
    expect(parseUnitRows('code,name,kind\nVP,"Văn phòng,department\n').problems).toEqual([
      { field: 'units:2', message: expect.stringContaining('unterminated') },
    ]);
  });

  it('needs a parent for a department and a known kind', () => {
    const { problems } = parseUnitRows('code,name,kind,parent\nVP,Văn phòng,department,\nX,Y,school,\n');
    expect(problems.map((p) => p.field)).toEqual(['units:2:parent', 'units:3:kind']);
  });
});

describe('directory import: planning against the organisation', () => {
  const units = (text: string) => parseUnitRows(`code,name,kind,parent\n${text}`).rows;
  const people = (text: string) => parsePersonRows(`full_name,unit,roles,position,head\n${text}`).rows;

  it('creates units under existing or earlier units and people in them', () => {
    const plan = planImport(existing, [], units('GDTRH,Phòng GDTrH,department,SGDĐT\nTO1,Tổ 1,department,GDTRH\n'), people('Đặng Quang Huy,TO1,officer,,x\n'));
    expect(plan.problems).toEqual([]);
    expect(plan.units.map((u) => [u.path, u.parent])).toEqual([
      ['SGDĐT/GDTRH', { path: 'SGDĐT', id: 'root', line: undefined }],
      ['SGDĐT/GDTRH/TO1', { path: 'SGDĐT/GDTRH', id: undefined, line: 2 }],
    ]);
    expect(plan.people[0].unit).toEqual({ path: 'SGDĐT/GDTRH/TO1', id: undefined, line: 3 });
  });

  it('needs a path for a code used in two places, and accepts one', () => {
    const ambiguous = planImport(existing, [], [], people('Võ Thị Lan,VP,officer,,\n'));
    expect(ambiguous.problems[0]).toEqual({ field: 'people:2:unit', message: expect.stringContaining('SGDĐT/') });
    const byPath = planImport(existing, [], [], people('Võ Thị Lan,SGDĐT/THPT/VP,officer,,\n'));
    expect(byPath.problems).toEqual([]);
    expect(byPath.people[0].unit.id).toBe('school-vp');
  });

  it('refuses what already exists: a unit, a second root, a person in the same unit, a second head', () => {
    const plan = planImport(
      existing,
      [{ fullName: 'Nguyễn Văn Bằng', unitId: 'vp' }],
      units('VP,Văn phòng,department,SGDĐT\nNEW,Cơ quan mới,agency,\nUNK,Phòng,department,NOPE\n'),
      people('Nguyễn Văn Bằng,SGDĐT/VP,clerk,,\nA Lê,SGDĐT,leader,,x\nB Lê,THPT,leader,,x\nC Lê,THPT,leader,,x\n'),
    );
    expect(plan.problems.map((p) => p.field)).toEqual([
      'units:2:code',
      'units:3:parent',
      'units:4:parent',
      'people:2:full_name',
      'people:3:head',
      'people:5:head',
    ]);
  });

  it('refuses the same person twice in one file', () => {
    const plan = planImport(existing, [], [], people('Lê Văn Tám,SGDĐT/VP,officer,,\nLê Văn Tám,SGDĐT/VP,officer,,\n'));
    expect(plan.problems.map((p) => p.field)).toEqual(['people:3:full_name']);
  });
});

describe('directory import: the report', () => {
  it('lists units.csv problems before people.csv ones, each by line', () => {
    const fields = sortProblems([
      { field: 'people:10:unit', message: '' },
      { field: 'units:3:code', message: '' },
      { field: 'people:2', message: '' },
      { field: 'units:12:parent', message: '' },
    ]).map((p) => p.field);
    expect(fields).toEqual(['units:3:code', 'units:12:parent', 'people:2', 'people:10:unit']);
  });
});
