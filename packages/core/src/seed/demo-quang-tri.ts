import { areaByName, areasFromFormerDistricts, type FormerDistrict } from './demo-areas.js';
import { demoSlaPolicies } from './demo-sla-policies.js';
import type { DemoCategory, DemoTenant } from './demo-types.js';
import { buildUnits, type UnitRow } from './demo-units.js';

const DEPT = ['Phó Giám đốc Sở', 'Chuyên viên Văn phòng Sở'] as const;
const DIST = (level: string) => [`Phó Chủ tịch UBND ${level}`, 'Chuyên viên Văn phòng HĐND và UBND'] as const;
const FIRM = ['Phó Giám đốc', 'Chuyên viên Phòng Kinh doanh'] as const;

/**
 * The IOC and the 44 units that took part in Quảng Trị's field-report portal
 * (Decision 878/QĐ-UBND, 14 April 2021), with their names of 2021–2023:
 * 19 provincial departments and offices, the 10 district-level People's
 * Committees, and 15 agencies and service companies.
 */
const UNITS: UnitRow[] = [
  ['IOC', 'Trung tâm Giám sát, điều hành thông minh tỉnh Quảng Trị', 'Quảng Trị Intelligent Operations Centre', 'IOC', 'Phó Giám đốc Trung tâm', 'Chuyên viên vận hành'],
  ['VP-UBND', 'Văn phòng UBND tỉnh', "Office of the Provincial People's Committee", 'DEPARTMENT', 'Phó Chánh Văn phòng', 'Chuyên viên Văn phòng'],
  ['SNV', 'Sở Nội vụ', 'Department of Home Affairs', 'DEPARTMENT', ...DEPT],
  ['STP', 'Sở Tư pháp', 'Department of Justice', 'DEPARTMENT', ...DEPT],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', 'Department of Planning and Investment', 'DEPARTMENT', ...DEPT],
  ['STC', 'Sở Tài chính', 'Department of Finance', 'DEPARTMENT', ...DEPT],
  ['SCT', 'Sở Công Thương', 'Department of Industry and Trade', 'DEPARTMENT', ...DEPT],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'Department of Agriculture and Rural Development', 'DEPARTMENT', ...DEPT],
  ['SGTVT', 'Sở Giao thông vận tải', 'Department of Transport', 'DEPARTMENT', ...DEPT],
  ['SXD', 'Sở Xây dựng', 'Department of Construction', 'DEPARTMENT', ...DEPT],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 'Department of Natural Resources and Environment', 'DEPARTMENT', ...DEPT],
  ['STTTT', 'Sở Thông tin và Truyền thông', 'Department of Information and Communications', 'DEPARTMENT', ...DEPT],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'Department of Labour, Invalids and Social Affairs', 'DEPARTMENT', ...DEPT],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism', 'DEPARTMENT', ...DEPT],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology', 'DEPARTMENT', ...DEPT],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training', 'DEPARTMENT', ...DEPT],
  ['SYT', 'Sở Y tế', 'Department of Health', 'DEPARTMENT', ...DEPT],
  ['SNGV', 'Sở Ngoại vụ', 'Department of Foreign Affairs', 'DEPARTMENT', ...DEPT],
  ['TTR', 'Thanh tra tỉnh', 'Provincial Inspectorate', 'DEPARTMENT', 'Phó Chánh Thanh tra tỉnh', 'Thanh tra viên'],
  ['BDT', 'Ban Dân tộc tỉnh', 'Provincial Committee for Ethnic Minority Affairs', 'DEPARTMENT', 'Phó Trưởng ban', 'Chuyên viên Văn phòng Ban'],
  ['DONG-HA', 'UBND thành phố Đông Hà', "Đông Hà City People's Committee", 'DISTRICT', ...DIST('thành phố')],
  ['TX-QUANG-TRI', 'UBND thị xã Quảng Trị', "Quảng Trị Town People's Committee", 'DISTRICT', ...DIST('thị xã')],
  ['VINH-LINH', 'UBND huyện Vĩnh Linh', "Vĩnh Linh District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['GIO-LINH', 'UBND huyện Gio Linh', "Gio Linh District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['CAM-LO', 'UBND huyện Cam Lộ', "Cam Lộ District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['TRIEU-PHONG', 'UBND huyện Triệu Phong', "Triệu Phong District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['HAI-LANG', 'UBND huyện Hải Lăng', "Hải Lăng District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['HUONG-HOA', 'UBND huyện Hướng Hóa', "Hướng Hóa District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['DAKRONG', 'UBND huyện Đakrông', "Đakrông District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['CON-CO', 'UBND huyện đảo Cồn Cỏ', "Cồn Cỏ Island District People's Committee", 'DISTRICT', ...DIST('huyện')],
  ['CA-TINH', 'Công an tỉnh Quảng Trị', 'Quảng Trị Provincial Police', 'AGENCY', 'Phó Giám đốc Công an tỉnh', 'Cán bộ Phòng Tham mưu'],
  ['BDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Provincial Border Guard Command', 'AGENCY', 'Phó Chỉ huy trưởng', 'Trợ lý Phòng Tham mưu'],
  ['BHXH', 'Bảo hiểm xã hội tỉnh Quảng Trị', 'Quảng Trị Social Insurance', 'AGENCY', 'Phó Giám đốc', 'Viên chức Văn phòng'],
  ['CUC-THUE', 'Cục Thuế tỉnh Quảng Trị', 'Quảng Trị Tax Department', 'AGENCY', 'Phó Cục trưởng', 'Công chức Phòng Tuyên truyền - Hỗ trợ người nộp thuế'],
  ['PC-QT', 'Công ty Điện lực Quảng Trị', 'Quảng Trị Power Company', 'AGENCY', ...FIRM],
  ['NUOC-SACH', 'Công ty Cổ phần Nước sạch Quảng Trị', 'Quảng Trị Clean Water Joint Stock Company', 'AGENCY', ...FIRM],
  ['BQL-KKT', 'Ban Quản lý Khu kinh tế tỉnh', 'Provincial Economic Zone Authority', 'AGENCY', 'Phó Trưởng ban', 'Chuyên viên Văn phòng Ban'],
  ['CUC-QLTT', 'Cục Quản lý thị trường tỉnh Quảng Trị', 'Quảng Trị Market Surveillance Department', 'AGENCY', 'Phó Cục trưởng', 'Kiểm soát viên thị trường'],
  ['CC-ATVSTP', 'Chi cục An toàn vệ sinh thực phẩm', 'Food Safety Sub-Department', 'AGENCY', 'Phó Chi cục trưởng', 'Chuyên viên Phòng Thanh tra', 'SYT'],
  ['CC-KIEM-LAM', 'Chi cục Kiểm lâm', 'Forest Protection Sub-Department', 'AGENCY', 'Phó Chi cục trưởng', 'Kiểm lâm viên', 'SNNPTNT'],
  ['VNPT-QT', 'Viễn thông Quảng Trị (VNPT Quảng Trị)', 'VNPT Quảng Trị', 'AGENCY', ...FIRM],
  ['BUU-DIEN', 'Bưu điện tỉnh Quảng Trị', 'Quảng Trị Provincial Post Office', 'AGENCY', ...FIRM],
  ['CUC-HAI-QUAN', 'Cục Hải quan tỉnh Quảng Trị', 'Quảng Trị Customs Department', 'AGENCY', 'Phó Cục trưởng', 'Công chức Văn phòng Cục'],
  ['KBNN', 'Kho bạc Nhà nước Quảng Trị', 'Quảng Trị State Treasury', 'AGENCY', 'Phó Giám đốc', 'Chuyên viên Văn phòng'],
  ['NHNN', 'Ngân hàng Nhà nước chi nhánh tỉnh Quảng Trị', 'State Bank of Vietnam, Quảng Trị Branch', 'AGENCY', 'Phó Giám đốc', 'Chuyên viên Phòng Tổng hợp'],
];

const H = ['khu phố', 'thôn'] as const;
const QL1 = ['Quốc lộ 1'];
const DISTRICTS: FormerDistrict[] = [
  { mappingName: 'Thành phố Đông Hà', label: 'TP Đông Hà', unitCode: 'DONG-HA', hamlets: H, centre: [16.8163, 107.1003], radiusKm: 4,
    streets: ['Lê Duẩn', 'Hùng Vương', 'Lê Lợi', 'Trần Hưng Đạo', 'Hàm Nghi', 'Lý Thường Kiệt', 'Nguyễn Trãi', 'Điện Biên Phủ', 'Quốc lộ 9'] },
  { mappingName: 'Thị xã Quảng Trị', label: 'thị xã Quảng Trị', unitCode: 'TX-QUANG-TRI', hamlets: H, centre: [16.7447, 107.1895], radiusKm: 3,
    streets: ['Trần Hưng Đạo', 'Lê Duẩn', 'Phan Bội Châu', 'Quang Trung', 'Hai Bà Trưng'] },
  { mappingName: 'Huyện Vĩnh Linh', label: 'huyện Vĩnh Linh', unitCode: 'VINH-LINH', hamlets: H, centre: [17.0325, 107.0291], radiusKm: 10, streets: [...QL1, 'Hùng Vương'] },
  { mappingName: 'Huyện Gio Linh', label: 'huyện Gio Linh', unitCode: 'GIO-LINH', hamlets: H, centre: [16.9167, 107.0667], radiusKm: 9, streets: QL1 },
  { mappingName: 'Huyện Cam Lộ', label: 'huyện Cam Lộ', unitCode: 'CAM-LO', hamlets: H, centre: [16.8000, 106.9833], radiusKm: 7, streets: ['Quốc lộ 9'] },
  { mappingName: 'Huyện Triệu Phong', label: 'huyện Triệu Phong', unitCode: 'TRIEU-PHONG', hamlets: H, centre: [16.7833, 107.2167], radiusKm: 8, streets: QL1 },
  { mappingName: 'Huyện Hải Lăng', label: 'huyện Hải Lăng', unitCode: 'HAI-LANG', hamlets: H, centre: [16.6833, 107.2667], radiusKm: 9, streets: QL1 },
  { mappingName: 'Huyện Hướng Hóa', label: 'huyện Hướng Hóa', unitCode: 'HUONG-HOA', hamlets: H, centre: [16.6300, 106.7300], radiusKm: 14, streets: ['Quốc lộ 9', 'Lê Duẩn', 'Hùng Vương'] },
  { mappingName: 'Huyện Đa Krông', label: 'huyện Đakrông', unitCode: 'DAKRONG', hamlets: H, centre: [16.6500, 106.8700], radiusKm: 14, streets: ['Quốc lộ 9'] },
];
const CON_CO: FormerDistrict = {
  mappingName: 'Huyện Cồn Cỏ', label: 'huyện đảo Cồn Cỏ', unitCode: 'CON-CO', hamlets: ['khu', 'khu'], centre: [17.1597, 107.3394], radiusKm: 1,
};

const CATEGORIES: DemoCategory[] = [
  { code: 'CONSTRUCTION', name: 'Trật tự xây dựng', nameEn: 'Illegal construction and building order', defaultUnitCode: 'SXD', slaPolicyCode: 'COMPLEX', isPublic: true, handledLocally: true, weight: 3 },
  { code: 'ENVIRONMENT', name: 'Vệ sinh môi trường', nameEn: 'Environment and sanitation', defaultUnitCode: 'STNMT', slaPolicyCode: 'STANDARD', isPublic: true, handledLocally: true, weight: 4 },
  { code: 'ROADS', name: 'Hạ tầng giao thông', nameEn: 'Roads and traffic infrastructure', defaultUnitCode: 'SGTVT', slaPolicyCode: 'STANDARD', isPublic: true, weight: 4 },
  { code: 'URBAN_INFRA', name: 'Hạ tầng đô thị (chiếu sáng, thoát nước, cây xanh)', nameEn: 'Urban infrastructure (lighting, drainage, trees)', defaultUnitCode: 'SXD', slaPolicyCode: 'STANDARD', isPublic: true, handledLocally: true, weight: 4 },
  { code: 'PUBLIC_ORDER', name: 'An ninh, trật tự xã hội', nameEn: 'Public order and safety', defaultUnitCode: 'CA-TINH', slaPolicyCode: 'URGENT_24H', isPublic: true, weight: 2 },
  { code: 'TRAFFIC_SAFETY', name: 'Trật tự an toàn giao thông', nameEn: 'Traffic safety violations', defaultUnitCode: 'CA-TINH', slaPolicyCode: 'STANDARD', isPublic: true, weight: 2 },
  { code: 'FOOD_SAFETY', name: 'An toàn thực phẩm', nameEn: 'Food safety', defaultUnitCode: 'CC-ATVSTP', slaPolicyCode: 'STANDARD', isPublic: true, weight: 1 },
  { code: 'PUBLIC_SERVICES', name: 'Chất lượng dịch vụ công', nameEn: 'Quality of public services', defaultUnitCode: 'VP-UBND', slaPolicyCode: 'STANDARD', isPublic: true, weight: 2 },
  { code: 'MISCONDUCT', name: 'Cán bộ, công chức chậm trễ, gây phiền hà trong giải quyết thủ tục hành chính', nameEn: "Officials' conduct in administrative procedures", defaultUnitCode: 'SNV', slaPolicyCode: 'MISCONDUCT', isPublic: false, weight: 1 },
  { code: 'ELECTRICITY', name: 'Cung cấp điện, an toàn lưới điện', nameEn: 'Electricity supply and grid safety', defaultUnitCode: 'PC-QT', slaPolicyCode: 'OUTAGE_48H', isPublic: true, weight: 2 },
  { code: 'WATER', name: 'Cấp nước sinh hoạt', nameEn: 'Water supply', defaultUnitCode: 'NUOC-SACH', slaPolicyCode: 'OUTAGE_48H', isPublic: true, weight: 1 },
  { code: 'LAND', name: 'Đất đai, tài nguyên', nameEn: 'Land and natural resources', defaultUnitCode: 'STNMT', slaPolicyCode: 'COMPLEX', isPublic: true, handledLocally: true, weight: 2 },
  { code: 'DISASTER', name: 'Thiên tai, sự cố khẩn cấp', nameEn: 'Natural hazards and emergencies', defaultUnitCode: 'SNNPTNT', slaPolicyCode: 'URGENT_24H', isPublic: true, handledLocally: true, weight: 1 },
];

/**
 * Quảng Trị: the IOC opened on 1 May 2021; to 28 September 2023, 44 units
 * handled 637 field reports: 419 on time, 210 overdue, 8 in progress.
 * Areas: today's wards and communes of province 44 formed from the former
 * Quảng Trị districts (the former Quảng Bình part is left out), plus the
 * Cồn Cỏ special zone.
 */
export const QUANG_TRI: DemoTenant = {
  slug: 'quang-tri',
  name: 'Tỉnh Quảng Trị',
  nameEn: 'Quảng Trị Province',
  kind: 'PROVINCE',
  provinceCode: '44',
  timezone: 'Asia/Ho_Chi_Minh',
  units: buildUnits(UNITS, { phoneBlock: 100, nameSalt: 3 }),
  slaPolicies: demoSlaPolicies(),
  categories: CATEGORIES,
  areas: [
    ...areasFromFormerDistricts('44', 'Tỉnh Quảng Trị', DISTRICTS),
    areaByName('44', 'Đặc khu Cồn Cỏ', CON_CO, 'Đảo Cồn Cỏ'),
  ],
  history: {
    from: '2021-05-01',
    to: '2023-09-28',
    received: 637,
    resolvedOnTime: 419,
    resolvedOverdue: 210,
    inProgress: 8,
    rejected: 0,
  },
  channels: ['APP', 'WEB', 'FANPAGE', 'ZALO', 'HOTLINE_1022', 'AI_CALL_CENTRE'],
};
