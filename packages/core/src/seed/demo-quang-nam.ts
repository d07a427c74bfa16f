import { areasFromFormerDistricts, type FormerDistrict } from './demo-areas.js';
import { demoSlaPolicies } from './demo-sla-policies.js';
import type { DemoCategory, DemoTenant } from './demo-types.js';
import { buildUnits, type UnitRow } from './demo-units.js';

const DEPT = ['Phó Giám đốc Sở', 'Chuyên viên Văn phòng Sở'] as const;
const DIST = (level: string) => [`Phó Chủ tịch UBND ${level}`, 'Chuyên viên Văn phòng HĐND và UBND'] as const;
const FIRM = ['Phó Giám đốc', 'Chuyên viên Phòng Kinh doanh'] as const;

/**
 * Quảng Nam before 2025: the IOC (opened by the Provincial People's Committee
 * with VNPT, run by the Department of Information and Communications), the
 * departments behind its components, the pilot cities Tam Kỳ and Hội An with
 * their urban management offices, a few other district-level units, and the
 * agencies that answer for urban services.
 */
const UNITS: UnitRow[] = [
  ['IOC', 'Trung tâm Điều hành thông minh tỉnh Quảng Nam', 'Quảng Nam Intelligent Operations Centre', 'IOC', 'Phó Giám đốc Trung tâm', 'Chuyên viên vận hành'],
  ['VP-UBND', 'Văn phòng UBND tỉnh', "Office of the Provincial People's Committee", 'DEPARTMENT', 'Phó Chánh Văn phòng', 'Chuyên viên Văn phòng'],
  ['STTTT', 'Sở Thông tin và Truyền thông', 'Department of Information and Communications', 'DEPARTMENT', ...DEPT],
  ['SNV', 'Sở Nội vụ', 'Department of Home Affairs', 'DEPARTMENT', ...DEPT],
  ['SYT', 'Sở Y tế', 'Department of Health', 'DEPARTMENT', ...DEPT],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training', 'DEPARTMENT', ...DEPT],
  ['SXD', 'Sở Xây dựng', 'Department of Construction', 'DEPARTMENT', ...DEPT],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 'Department of Natural Resources and Environment', 'DEPARTMENT', ...DEPT],
  ['SGTVT', 'Sở Giao thông vận tải', 'Department of Transport', 'DEPARTMENT', ...DEPT],
  ['SCT', 'Sở Công Thương', 'Department of Industry and Trade', 'DEPARTMENT', ...DEPT],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'Department of Agriculture and Rural Development', 'DEPARTMENT', ...DEPT],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism', 'DEPARTMENT', ...DEPT],
  ['TAM-KY', 'UBND thành phố Tam Kỳ', "Tam Kỳ City People's Committee", 'DISTRICT', ...DIST('thành phố')],
  ['TAM-KY-QLDT', 'Phòng Quản lý đô thị thành phố Tam Kỳ', 'Tam Kỳ Urban Management Office', 'DEPARTMENT', 'Phó Trưởng phòng', 'Chuyên viên', 'TAM-KY'],
  ['HOI-AN', 'UBND thành phố Hội An', "Hội An City People's Committee", 'DISTRICT', ...DIST('thành phố')],
  ['HOI-AN-QLDT', 'Phòng Quản lý đô thị thành phố Hội An', 'Hội An Urban Management Office', 'DEPARTMENT', 'Phó Trưởng phòng', 'Chuyên viên', 'HOI-AN'],
  ['DIEN-BAN', 'UBND thị xã Điện Bàn', "Điện Bàn Town People's Committee", 'DISTRICT', ...DIST('thị xã')],
  ['DUY-XUYEN', 'UBND huyện Duy Xuyên', "Duy Xuyên District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['NUI-THANH', 'UBND huyện Núi Thành', "Núi Thành District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['CA-TINH', 'Công an tỉnh Quảng Nam', 'Quảng Nam Provincial Police', 'AGENCY', 'Phó Giám đốc Công an tỉnh', 'Cán bộ Phòng Tham mưu'],
  ['CC-ATVSTP', 'Chi cục An toàn vệ sinh thực phẩm', 'Food Safety Sub-Department', 'AGENCY', 'Phó Chi cục trưởng', 'Chuyên viên Phòng Thanh tra', 'SYT'],
  ['PC-QNA', 'Công ty Điện lực Quảng Nam', 'Quảng Nam Power Company', 'AGENCY', ...FIRM],
  ['CAP-NUOC', 'Công ty Cổ phần Cấp thoát nước Quảng Nam', 'Quảng Nam Water Supply and Sewerage Joint Stock Company', 'AGENCY', ...FIRM],
  ['URENCO', 'Công ty Cổ phần Môi trường đô thị Quảng Nam', 'Quảng Nam Urban Environment Joint Stock Company', 'AGENCY', 'Phó Giám đốc', 'Nhân viên Phòng Kỹ thuật'],
  ['VNPT-QNA', 'Viễn thông Quảng Nam (VNPT Quảng Nam)', 'VNPT Quảng Nam', 'AGENCY', ...FIRM],
];

const H = ['khối phố', 'thôn'] as const;
const DISTRICTS: FormerDistrict[] = [
  { mappingName: 'Thành phố Tam Kỳ', label: 'TP Tam Kỳ', unitCode: 'TAM-KY', hamlets: H, centre: [15.5736, 108.4740], radiusKm: 5,
    streets: ['Phan Chu Trinh', 'Hùng Vương', 'Trần Cao Vân', 'Phan Bội Châu', 'Huỳnh Thúc Kháng', 'Bạch Đằng', 'Nguyễn Hoàng'] },
  { mappingName: 'Thành phố Hội An', label: 'TP Hội An', unitCode: 'HOI-AN', hamlets: H, centre: [15.8801, 108.3380], radiusKm: 4,
    streets: ['Trần Phú', 'Nguyễn Thái Học', 'Bạch Đằng', 'Lê Lợi', 'Hai Bà Trưng', 'Cửa Đại', 'Lý Thường Kiệt', 'Nguyễn Duy Hiệu'] },
];

const CATEGORIES: DemoCategory[] = [
  { code: 'URBAN_ORDER', name: 'Trật tự đô thị', nameEn: 'Urban order and pavement encroachment', defaultUnitCode: 'TAM-KY-QLDT', slaPolicyCode: 'STANDARD', isPublic: true, handledLocally: true, weight: 5 },
  { code: 'ENVIRONMENT', name: 'Môi trường và vệ sinh', nameEn: 'Environment and sanitation', defaultUnitCode: 'URENCO', slaPolicyCode: 'STANDARD', isPublic: true, handledLocally: true, weight: 5 },
  { code: 'FOOD_SAFETY', name: 'An toàn thực phẩm', nameEn: 'Food safety', defaultUnitCode: 'CC-ATVSTP', slaPolicyCode: 'STANDARD', isPublic: true, weight: 4 },
  { code: 'CONSTRUCTION', name: 'Trật tự xây dựng', nameEn: 'Illegal construction and building order', defaultUnitCode: 'SXD', slaPolicyCode: 'COMPLEX', isPublic: true, handledLocally: true, weight: 1 },
  { code: 'URBAN_INFRA', name: 'Hạ tầng đô thị (chiếu sáng, thoát nước, cây xanh)', nameEn: 'Urban infrastructure (lighting, drainage, trees)', defaultUnitCode: 'SXD', slaPolicyCode: 'STANDARD', isPublic: true, handledLocally: true, weight: 1 },
  { code: 'ROADS', name: 'Hạ tầng giao thông', nameEn: 'Roads and traffic infrastructure', defaultUnitCode: 'SGTVT', slaPolicyCode: 'STANDARD', isPublic: true, weight: 0.5 },
  { code: 'PUBLIC_ORDER', name: 'An ninh, trật tự xã hội', nameEn: 'Public order and safety', defaultUnitCode: 'CA-TINH', slaPolicyCode: 'URGENT_24H', isPublic: true, weight: 0.5 },
  { code: 'PUBLIC_SERVICES', name: 'Chất lượng dịch vụ công', nameEn: 'Quality of public services', defaultUnitCode: 'VP-UBND', slaPolicyCode: 'STANDARD', isPublic: true, weight: 0.5 },
  { code: 'MISCONDUCT', name: 'Cán bộ, công chức chậm trễ, gây phiền hà trong giải quyết thủ tục hành chính', nameEn: "Officials' conduct in administrative procedures", defaultUnitCode: 'SNV', slaPolicyCode: 'MISCONDUCT', isPublic: false, weight: 0.3 },
  { code: 'TOURISM', name: 'Du lịch', nameEn: 'Tourism', defaultUnitCode: 'SVHTTDL', slaPolicyCode: 'STANDARD', isPublic: true, weight: 1 },
];

/**
 * Quảng Nam: an IOC with 10 components (8 in phase 1) whose field-report
 * component, on the "Quảng Nam trực tuyến" app, was piloted in Tam Kỳ and
 * Hội An for urban order, environment and sanitation, and food safety.
 * The history is a modest, made-up pilot. Areas: today's wards of Đà Nẵng
 * (48) formed from the former Tam Kỳ and Hội An wards.
 */
export const QUANG_NAM: DemoTenant = {
  slug: 'quang-nam',
  name: 'Tỉnh Quảng Nam',
  nameEn: 'Quảng Nam Province',
  kind: 'PROVINCE',
  provinceCode: '48',
  timezone: 'Asia/Ho_Chi_Minh',
  units: buildUnits(UNITS, { phoneBlock: 300, nameSalt: 11 }),
  slaPolicies: demoSlaPolicies(),
  categories: CATEGORIES,
  areas: areasFromFormerDistricts('48', 'Tỉnh Quảng Nam', DISTRICTS),
  history: {
    from: '2022-01-01',
    to: '2023-12-31',
    received: 152,
    resolvedOnTime: 121,
    resolvedOverdue: 22,
    inProgress: 3,
    rejected: 6,
  },
  channels: ['APP', 'WEB', 'FANPAGE', 'ZALO', 'EMAIL'],
};
