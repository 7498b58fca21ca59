// Kemendagri codes (Kepmendagri on kode wilayah, current through 2022+) of the regencies and cities in the five
// Kalimantan provinces. NIKs carry the Kemendagri code, which differs from BPS's statistical code in several
// provinces (e.g. BPS 64.04 is Kutai Timur, Kemendagri 64.04 was Bulungan), so do not mix the two.

export const KALIMANTAN_REGENCIES: Readonly<Record<string, string>> = {
  // Kalimantan Barat
  "61.01": "Kab. Sambas",
  "61.02": "Kab. Mempawah",
  "61.03": "Kab. Sanggau",
  "61.04": "Kab. Ketapang",
  "61.05": "Kab. Sintang",
  "61.06": "Kab. Kapuas Hulu",
  "61.07": "Kab. Bengkayang",
  "61.08": "Kab. Landak",
  "61.09": "Kab. Sekadau",
  "61.10": "Kab. Melawi",
  "61.11": "Kab. Kayong Utara",
  "61.12": "Kab. Kubu Raya",
  "61.71": "Kota Pontianak",
  "61.72": "Kota Singkawang",
  // Kalimantan Tengah
  "62.01": "Kab. Kotawaringin Barat",
  "62.02": "Kab. Kotawaringin Timur",
  "62.03": "Kab. Kapuas",
  "62.04": "Kab. Barito Selatan",
  "62.05": "Kab. Barito Utara",
  "62.06": "Kab. Katingan",
  "62.07": "Kab. Seruyan",
  "62.08": "Kab. Sukamara",
  "62.09": "Kab. Lamandau",
  "62.10": "Kab. Gunung Mas",
  "62.11": "Kab. Pulang Pisau",
  "62.12": "Kab. Murung Raya",
  "62.13": "Kab. Barito Timur",
  "62.71": "Kota Palangka Raya",
  // Kalimantan Selatan
  "63.01": "Kab. Tanah Laut",
  "63.02": "Kab. Kotabaru",
  "63.03": "Kab. Banjar",
  "63.04": "Kab. Barito Kuala",
  "63.05": "Kab. Tapin",
  "63.06": "Kab. Hulu Sungai Selatan",
  "63.07": "Kab. Hulu Sungai Tengah",
  "63.08": "Kab. Hulu Sungai Utara",
  "63.09": "Kab. Tabalong",
  "63.10": "Kab. Tanah Bumbu",
  "63.11": "Kab. Balangan",
  "63.71": "Kota Banjarmasin",
  "63.72": "Kota Banjarbaru",
  // Kalimantan Timur (64.04–64.06, 64.10 and 64.73 moved to Kalimantan Utara, see below)
  "64.01": "Kab. Paser",
  "64.02": "Kab. Kutai Kartanegara",
  "64.03": "Kab. Berau",
  "64.07": "Kab. Kutai Barat",
  "64.08": "Kab. Kutai Timur",
  "64.09": "Kab. Penajam Paser Utara",
  "64.11": "Kab. Mahakam Ulu",
  "64.71": "Kota Balikpapan",
  "64.72": "Kota Samarinda",
  "64.74": "Kota Bontang",
  // Kalimantan Utara (province since 2012)
  "65.01": "Kab. Bulungan",
  "65.02": "Kab. Malinau",
  "65.03": "Kab. Nunukan",
  "65.04": "Kab. Tana Tidung",
  "65.71": "Kota Tarakan",
};

/**
 * Kalimantan Timur codes the Kaltara regencies carried before Kalimantan Utara was formed (2012). NIKs issued
 * then keep the old code for life, so these are genuine, just outdated: old code → current code.
 */
export const OLD_KALTIM_CODES: Readonly<Record<string, string>> = {
  "64.04": "65.01", // Bulungan
  "64.05": "65.03", // Nunukan
  "64.06": "65.02", // Malinau
  "64.10": "65.04", // Tana Tidung
  "64.73": "65.71", // Tarakan
};

export function regencyName(regencyCode: string): string | null {
  return KALIMANTAN_REGENCIES[regencyCode] ?? null;
}
