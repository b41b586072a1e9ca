/** Test applicants: realistic Vietnamese names and CCCD QR texts built from them. */
export interface TestPerson {
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  dob: string; // ddMMyyyy
  gender: 'Nam' | 'Nữ';
  address: string;
  issue: string; // ddMMyyyy
}

export const NGUYEN_THI_HUYNH: TestPerson = {
  idNumber: '001185012345',
  oldIdNumber: '012345678',
  fullName: 'Huỳnh Thị Ngọc Ánh',
  dob: '15031985',
  gender: 'Nữ',
  address: 'Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội',
  issue: '10082021',
};

export const TRAN_VAN_DUC: TestPerson = {
  idNumber: '079090001122',
  oldIdNumber: '',
  fullName: 'Trần Văn Đức',
  dob: '02091990',
  gender: 'Nam',
  address: 'Tổ 5, Khu phố 3, Phường Bến Thành, Thành phố Hồ Chí Minh',
  issue: '25122022',
};

export function qrOf(p: TestPerson): string {
  return [p.idNumber, p.oldIdNumber, p.fullName, p.dob, p.gender, p.address, p.issue].join('|');
}

export function personInput(p: TestPerson) {
  const iso = (d: string) => `${d.slice(4)}-${d.slice(2, 4)}-${d.slice(0, 2)}`;
  return {
    kind: 'citizen' as const,
    idNumber: p.idNumber,
    fullName: p.fullName,
    dateOfBirth: iso(p.dob),
    gender: p.gender === 'Nam' ? ('male' as const) : ('female' as const),
    address: p.address,
    issueDate: iso(p.issue),
  };
}
