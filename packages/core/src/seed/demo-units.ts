import type { DemoPerson, DemoUnit, DemoUnitKind } from './demo-types.js';

/**
 * One unit as written in a tenant file:
 * [code, name, nameEn, kind, leader's title, staff member's title, parentCode?].
 */
export type UnitRow = readonly [
  code: string,
  name: string,
  nameEn: string,
  kind: DemoUnitKind,
  leaderTitle: string,
  staffTitle: string,
  parentCode?: string,
];

// Fictional focal points. Given names used by the people quoted in the seed
// articles (Hưng, Hằng, Tường, Quang, Hiệp, Lý …) are deliberately absent.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Trương', 'Đoàn', 'Lương', 'Mai'];
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quốc', 'Thành', 'Công', 'Đình', 'Xuân', 'Ngọc'];
const MALE_GIVEN = ['Bảo', 'Cường', 'Dũng', 'Khải', 'Khoa', 'Lâm', 'Long', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Tâm', 'Thắng', 'Thịnh', 'Toàn', 'Trí', 'Vinh', 'Việt', 'Kiên', 'Hào', 'Luận', 'Nhân'];
const FEMALE_MIDDLE = ['Thị', 'Thị Thu', 'Thị Minh', 'Ngọc', 'Thị Kim', 'Thị Hồng', 'Thị Thanh', 'Bảo'];
const FEMALE_GIVEN = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Trâm', 'Uyên', 'Vân', 'Diệp', 'Loan'];

const at = <T>(list: readonly T[], i: number): T => list[((i % list.length) + list.length) % list.length] as T;

/** Lower-case ASCII of a Vietnamese string (`Đặng` → `dang`). */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The n-th fictional name of a tenant; `salt` varies the sequence between tenants. */
export function fictionalName(n: number, salt: number): string {
  const k = n * 7 + salt;
  const female = (n + salt) % 5 < 2;
  const family = at(FAMILY, k * 3 + (n >> 2));
  return female
    ? `${family} ${at(FEMALE_MIDDLE, k + (n >> 3))} ${at(FEMALE_GIVEN, k * 5 + salt)}`
    : `${family} ${at(MALE_MIDDLE, k + (n >> 3))} ${at(MALE_GIVEN, k * 5 + salt)}`;
}

function person(fullName: string, title: string, unitCode: string, phoneNumber: number): DemoPerson {
  const words = asciiFold(fullName).split(' ');
  const initials = words.slice(0, -1).map((w) => w[0] ?? '').join('');
  const local = `${initials}${words[words.length - 1] ?? ''}.${asciiFold(unitCode).replace(/[^a-z0-9]+/g, '')}`;
  const digits = String(phoneNumber).padStart(3, '0');
  return { fullName, title, phone: `0900 000 ${digits}`, email: `${local}@example.gov.vn` };
}

/**
 * Turns a tenant's unit rows into units with a leader and a staff focal point
 * each. Phones are `0900 000 <phoneBlock + i>`; names never repeat within the
 * tenant.
 */
export function buildUnits(rows: readonly UnitRow[], opts: { phoneBlock: number; nameSalt: number }): DemoUnit[] {
  const used = new Set<string>();
  let n = 0;
  const nextName = (): string => {
    for (;;) {
      const name = fictionalName(n, opts.nameSalt);
      n += 1;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  return rows.map(([code, name, nameEn, kind, leaderTitle, staffTitle, parentCode], i) => ({
    code,
    name,
    nameEn,
    kind,
    ...(parentCode === undefined ? {} : { parentCode }),
    leader: person(nextName(), leaderTitle, code, opts.phoneBlock + 2 * i),
    staff: person(nextName(), staffTitle, code, opts.phoneBlock + 2 * i + 1),
  }));
}
