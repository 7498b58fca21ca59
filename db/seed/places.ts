// Facts copied from the project's research notes (branches.csv, markets.csv); the app never reads those files.
// Branch coordinates are area centroids, not office addresses. `verification` says how sure the source was.

export const REGION = {
  code: "KW-KAL",
  name: "Kalimantan",
  office_name: "Kantor Wilayah BPJS Ketenagakerjaan Kalimantan",
  town: "Balikpapan",
  lat: -1.2414,
  lng: 116.9146,
};

export interface BranchFact {
  code: string;
  officeType: string;
  name: string;
  town: string;
  regencyCode: string;
  verification: "confirmed" | "probable" | "unverified";
  lat: number;
  lng: number;
}

export const BRANCHES: BranchFact[] = [
  { code: "KC-PTK", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Pontianak", town: "Pontianak", regencyCode: "61.71", verification: "confirmed", lat: -0.0366, lng: 109.3135 },
  { code: "KC-SKW", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Singkawang", town: "Singkawang", regencyCode: "61.72", verification: "confirmed", lat: 0.9164, lng: 109.0044 },
  { code: "KC-KTP", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Ketapang", town: "Ketapang", regencyCode: "61.04", verification: "confirmed", lat: -1.8554, lng: 109.9734 },
  { code: "KC-STG", officeType: "Kantor (jenis belum pasti)", name: "BPJS Ketenagakerjaan Sintang", town: "Sintang", regencyCode: "61.05", verification: "unverified", lat: 0.0707, lng: 111.5058 },
  { code: "KC-PLK", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Palangka Raya", town: "Palangka Raya", regencyCode: "62.71", verification: "confirmed", lat: -2.1998, lng: 113.9503 },
  { code: "KCP-KPS", officeType: "Kantor Cabang Perintis (perkiraan)", name: "BPJS Ketenagakerjaan Kapuas", town: "Kuala Kapuas", regencyCode: "62.03", verification: "probable", lat: -3.0134, lng: 114.3908 },
  { code: "KC-SPT", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Sampit", town: "Sampit", regencyCode: "62.02", verification: "confirmed", lat: -2.5493, lng: 112.9317 },
  { code: "KC-PBN", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Pangkalan Bun", town: "Pangkalan Bun", regencyCode: "62.01", verification: "confirmed", lat: -2.6773, lng: 111.6335 },
  { code: "KC-BJM", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Banjarmasin", town: "Banjarmasin", regencyCode: "63.71", verification: "confirmed", lat: -3.3196, lng: 114.5892 },
  { code: "KC-BTL", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Batulicin", town: "Batulicin", regencyCode: "63.10", verification: "confirmed", lat: -3.4499, lng: 115.9994 },
  { code: "KC-TJG", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Tanjung", town: "Tanjung", regencyCode: "63.09", verification: "confirmed", lat: -2.1634, lng: 115.3835 },
  { code: "KC-BPN", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Balikpapan", town: "Balikpapan", regencyCode: "64.71", verification: "confirmed", lat: -1.2684, lng: 116.8319 },
  { code: "KC-SMD", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Samarinda", town: "Samarinda", regencyCode: "64.72", verification: "confirmed", lat: -0.4997, lng: 117.1507 },
  { code: "KC-BTG", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Bontang", town: "Bontang", regencyCode: "64.74", verification: "confirmed", lat: 0.1441, lng: 117.4937 },
  { code: "KC-BRU", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Berau", town: "Tanjung Redeb", regencyCode: "64.03", verification: "confirmed", lat: 2.1418, lng: 117.4801 },
  { code: "KC-SGT", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Sangatta", town: "Sangatta", regencyCode: "64.08", verification: "confirmed", lat: 0.4861, lng: 117.5737 },
  { code: "KC-KBR", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Kutai Barat", town: "Sendawar", regencyCode: "64.07", verification: "confirmed", lat: -0.2317, lng: 115.6753 },
  { code: "KC-TRK", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Tarakan", town: "Tarakan", regencyCode: "65.71", verification: "confirmed", lat: 3.3067, lng: 117.6038 },
  { code: "KC-NNK", officeType: "Kantor Cabang", name: "BPJS Ketenagakerjaan Cabang Nunukan", town: "Nunukan", regencyCode: "65.03", verification: "probable", lat: 4.1172, lng: 117.6556 },
];

export interface MarketFact {
  code: string;
  branchCode: string;
  name: string;
  regencyName: string;
  regencyCode: string;
  lat: number;
  lng: number;
  precision: "kelurahan" | "kecamatan" | "town";
  operatorType: "dinas_upt" | "perumda" | "other";
  operatorName: string;
  /** null where the source could not confirm government management. */
  governmentRun: boolean | null;
  traders: number | null;
  stalls: number | null;
  note: string;
  /** Invented for the demo where no real market was gathered. */
  demo?: true;
}

export const MARKETS: MarketFact[] = [
  { code: "MKT001", branchCode: "KC-PTK", name: "Pasar Flamboyan", regencyName: "Kota Pontianak", regencyCode: "61.71", lat: -0.0391, lng: 109.3428, precision: "kelurahan", operatorType: "dinas_upt", operatorName: "Pemkot Pontianak (Disperindagkop)", governmentRun: true, traders: 1500, stalls: 1492, note: "53 ruko, 203 kios, 1.236 los + 371 PKL setelah dibangun ulang 2013; retribusi Rp4.000/hari" },
  { code: "MKT002", branchCode: "KC-PTK", name: "Pasar Dahlia", regencyName: "Kota Pontianak", regencyCode: "61.71", lat: -0.0366, lng: 109.3135, precision: "kecamatan", operatorType: "dinas_upt", operatorName: "Pemkot Pontianak", governmentRun: true, traders: null, stalls: null, note: "Dua lantai; banyak kios tidak terpakai" },
  { code: "MKT003", branchCode: "KC-PTK", name: "Pasar Kenanga", regencyName: "Kota Pontianak", regencyCode: "61.71", lat: -0.0374, lng: 109.3671, precision: "kecamatan", operatorType: "dinas_upt", operatorName: "Pemkot Pontianak (pasar rakyat)", governmentRun: true, traders: null, stalls: null, note: "" },
  { code: "MKT004", branchCode: "KC-PTK", name: "Pasar Kenanga Anggrek", regencyName: "Kota Pontianak", regencyCode: "61.71", lat: -0.0374, lng: 109.3671, precision: "kecamatan", operatorType: "dinas_upt", operatorName: "Pemkot Pontianak (Dinas Koperasi, UM & Perdagangan)", governmentRun: true, traders: 172, stalls: 172, note: "100 los + 72 kios; sewa los Rp1 juta/tahun, kios Rp2 juta/tahun (2017)" },
  { code: "MKT005", branchCode: "KC-PTK", name: "Pasar Tengah", regencyName: "Kota Pontianak", regencyCode: "61.71", lat: -0.0366, lng: 109.3135, precision: "kecamatan", operatorType: "dinas_upt", operatorName: "Pemkot Pontianak (pasar rakyat)", governmentRun: true, traders: null, stalls: null, note: "" },
  { code: "MKT006", branchCode: "KC-PTK", name: "Pasar Kapuas Besar", regencyName: "Kota Pontianak", regencyCode: "61.71", lat: -0.0366, lng: 109.3135, precision: "kecamatan", operatorType: "dinas_upt", operatorName: "Pemkot Pontianak (pasar rakyat)", governmentRun: true, traders: null, stalls: null, note: "" },
  { code: "MKT007", branchCode: "KC-SKW", name: "Pasar Beringin", regencyName: "Kota Singkawang", regencyCode: "61.72", lat: 0.9132, lng: 108.9959, precision: "kelurahan", operatorType: "dinas_upt", operatorName: "Pemkot Singkawang; revitalisasi bersama PT Rejeki Timur Laut (2022)", governmentRun: true, traders: 400, stalls: null, note: "Sekitar 400 pedagang (forum pedagang, 2022); pasar sejak 1957/1973" },
  { code: "MKT008", branchCode: "KC-SKW", name: "Pasar Turi", regencyName: "Kota Singkawang", regencyCode: "61.72", lat: 0.9164, lng: 109.0044, precision: "kecamatan", operatorType: "dinas_upt", operatorName: "Pemkot Singkawang", governmentRun: true, traders: null, stalls: null, note: "Masuk rencana induk revitalisasi" },
  { code: "MKT009", branchCode: "KC-KTP", name: "Pasar Rangga Sentap", regencyName: "Kab. Ketapang", regencyCode: "61.04", lat: -1.8554, lng: 109.9734, precision: "kelurahan", operatorType: "dinas_upt", operatorName: "Pemkab Ketapang (pasar induk)", governmentRun: true, traders: null, stalls: null, note: "Ratusan pedagang; banyak yang pindah" },
  { code: "MKT010", branchCode: "KC-STG", name: "Pasar Masuka (Mesuka) Sayur", regencyName: "Kab. Sintang", regencyCode: "61.05", lat: 0.0707, lng: 111.5058, precision: "kecamatan", operatorType: "dinas_upt", operatorName: "Pemkab Sintang (Disperindagkop & UKM)", governmentRun: true, traders: null, stalls: null, note: "" },
  { code: "MKT011", branchCode: "KC-STG", name: "Pasar Inpres Lingkar Tanjungpuri", regencyName: "Kab. Sintang", regencyCode: "61.05", lat: 0.0808, lng: 111.507, precision: "kelurahan", operatorType: "dinas_upt", operatorName: "Pemkab Sintang (pasar Inpres)", governmentRun: null, traders: null, stalls: null, note: "" },
  { code: "MKT012", branchCode: "KC-PLK", name: "Pasar Kahayan", regencyName: "Kota Palangka Raya", regencyCode: "62.71", lat: -2.205, lng: 113.8941, precision: "kelurahan", operatorType: "dinas_upt", operatorName: "Pemkot Palangka Raya (Disperindag)", governmentRun: true, traders: null, stalls: null, note: "Pasar tradisional terbesar yang dikelola Pemkot" },
  { code: "MKT013", branchCode: "KC-PLK", name: "Pasar Besar", regencyName: "Kota Palangka Raya", regencyCode: "62.71", lat: -2.1997, lng: 113.9503, precision: "town", operatorType: "dinas_upt", operatorName: "Pemkot Palangka Raya (perkiraan)", governmentRun: null, traders: null, stalls: null, note: "" },
  { code: "MKT014", branchCode: "KC-PLK", name: "Pasar Datah Manuah", regencyName: "Kota Palangka Raya", regencyCode: "62.71", lat: -2.205, lng: 113.8941, precision: "town", operatorType: "dinas_upt", operatorName: "Pemkot Palangka Raya", governmentRun: true, traders: 70, stalls: null, note: "70 lapak Ramadan 2026 (bukan jumlah tetap)" },
  { code: "MKT015", branchCode: "KC-SPT", name: "Pasar PPM (Pusat Perbelanjaan Mentaya)", regencyName: "Kab. Kotawaringin Timur", regencyCode: "62.02", lat: -2.5493, lng: 112.9317, precision: "town", operatorType: "dinas_upt", operatorName: "Pemkab Kotawaringin Timur (Disdagperin)", governmentRun: true, traders: 600, stalls: 600, note: "Sekitar 600 kios & los, 3 lantai; 95 kios lantai 2 tutup (2021)" },
  { code: "MKT016", branchCode: "KC-SPT", name: "Pasar Subuh Sampit", regencyName: "Kab. Kotawaringin Timur", regencyCode: "62.02", lat: -2.5493, lng: 112.9317, precision: "town", operatorType: "dinas_upt", operatorName: "Pemkab Kotawaringin Timur", governmentRun: true, traders: null, stalls: null, note: "" },
  { code: "MKT017", branchCode: "KC-SPT", name: "Pasar Al Kamal", regencyName: "Kab. Kotawaringin Timur", regencyCode: "62.02", lat: -2.521, lng: 112.9587, precision: "kelurahan", operatorType: "other", operatorName: "Belum terverifikasi", governmentRun: null, traders: null, stalls: null, note: "Aktivasi pasar BPJS Desember 2023" },
  { code: "MKT018", branchCode: "KC-PBN", name: "Pasar Indrasari", regencyName: "Kab. Kotawaringin Barat", regencyCode: "62.01", lat: -2.6773, lng: 111.6335, precision: "town", operatorType: "other", operatorName: "Belum terverifikasi", governmentRun: null, traders: null, stalls: null, note: "Sosialisasi BPJS Pangkalan Bun Desember 2023" },
  { code: "MKT046", branchCode: "KC-TRK", name: "Pasar Tenguyun", regencyName: "Kota Tarakan", regencyCode: "65.71", lat: 3.3067, lng: 117.6038, precision: "town", operatorType: "dinas_upt", operatorName: "Pemkot Tarakan (Dinas Koperasi UKM & Perdagangan)", governmentRun: true, traders: 322, stalls: 322, note: "Blok C2: 82 kios + 160 lapak; Blok D2: 80 los; revitalisasi Kemendag 2021" },
  { code: "MKT047", branchCode: "KC-TRK", name: "Pasar Gusher", regencyName: "Kota Tarakan", regencyCode: "65.71", lat: 3.3067, lng: 117.6038, precision: "town", operatorType: "dinas_upt", operatorName: "Pemkot Tarakan (perkiraan)", governmentRun: null, traders: null, stalls: 977, note: "440 kios, 402 los, 135 ruko; sekitar 70% tutup (2025)" },
  { code: "MKT048", branchCode: "KC-TRK", name: "Pasar Batu", regencyName: "Kota Tarakan", regencyCode: "65.71", lat: 3.2986, lng: 117.5927, precision: "kelurahan", operatorType: "other", operatorName: "Belum terverifikasi", governmentRun: null, traders: 73, stalls: null, note: "Sekitar 73 pedagang terdampak kebakaran 2020" },
  { code: "MKT049", branchCode: "KC-TRK", name: "Pasar Induk Tanjung Selor", regencyName: "Kab. Bulungan", regencyCode: "65.01", lat: 2.825, lng: 117.3697, precision: "town", operatorType: "dinas_upt", operatorName: "Pemkab Bulungan (UPTD Pasar Induk)", governmentRun: true, traders: 400, stalls: 204, note: "Pasar Rakyat ~200 lapak; Pasar Subuh ~200 pedagang; retribusi Rp5.000/hari" },
  { code: "MKT050", branchCode: "KC-NNK", name: "Pasar Yamaker", regencyName: "Kab. Nunukan", regencyCode: "65.03", lat: 4.1172, lng: 117.6556, precision: "town", operatorType: "dinas_upt", operatorName: "Pemkab Nunukan (Dinas Perdagangan)", governmentRun: true, traders: 215, stalls: 215, note: "215 kios/lapak; dibangun dengan APBN 2017" },
];

// Plainly invented demo markets for branches with none gathered above. Names follow local patterns;
// coordinates sit near the branch town (precision "town") and must not be taken as real locations.
export const DEMO_MARKET_NAMES: Record<string, { regencyName: string; names: string[] }> = {
  "KCP-KPS": { regencyName: "Kab. Kapuas", names: ["Pasar Demo Kapuas Hilir", "Pasar Demo Selat"] },
  "KC-BJM": { regencyName: "Kota Banjarmasin", names: ["Pasar Demo Sudimampir", "Pasar Demo Kuin", "Pasar Demo Teluk Dalam"] },
  "KC-BTL": { regencyName: "Kab. Tanah Bumbu", names: ["Pasar Demo Batulicin", "Pasar Demo Simpang Empat"] },
  "KC-TJG": { regencyName: "Kab. Tabalong", names: ["Pasar Demo Tanjung", "Pasar Demo Murung Pudak"] },
  "KC-BPN": { regencyName: "Kota Balikpapan", names: ["Pasar Demo Pandansari", "Pasar Demo Klandasan", "Pasar Demo Sepinggan"] },
  "KC-SMD": { regencyName: "Kota Samarinda", names: ["Pasar Demo Segiri", "Pasar Demo Pagi", "Pasar Demo Sungai Dama"] },
  "KC-BTG": { regencyName: "Kota Bontang", names: ["Pasar Demo Rawa Indah", "Pasar Demo Tamrin"] },
  "KC-BRU": { regencyName: "Kab. Berau", names: ["Pasar Demo Tanjung Redeb", "Pasar Demo Gunung Tabur"] },
  "KC-SGT": { regencyName: "Kab. Kutai Timur", names: ["Pasar Demo Sangatta", "Pasar Demo Teluk Lingga"] },
  "KC-KBR": { regencyName: "Kab. Kutai Barat", names: ["Pasar Demo Sendawar", "Pasar Demo Barong Tongkok"] },
};
