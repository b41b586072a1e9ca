/**
 * The local dossier in the National Portal's vocabulary (DongBoHoSoMC's HoSo): field names as exchanged, dates as
 * yyyyMMddHHmmss in Vietnam time, the DVCQG status code mapped from the local state (a configured mapping, not a
 * constant: domain.md), LoaiDoiTuong, HinhThuc, TaiLieuNop, DanhSachLePhi and the checklist marks. Pure.
 * PLACEHOLDER (skeleton): the status-back helper implements it.
 */
export {};
