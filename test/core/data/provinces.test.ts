import { PROVINCES, normalizeProvince, isNationalTotal } from "../../../src/core/data/provinces";

describe("provinces", () => {
  test("31 provinces; NBS regions East 10 / Central 6 / West 12 / Northeast 3; South 16 / North 15", () => {
    expect(PROVINCES).toHaveLength(31);
    const count = (f: (p: (typeof PROVINCES)[number]) => boolean) => PROVINCES.filter(f).length;
    expect([count((p) => p.region === "East"), count((p) => p.region === "Central"), count((p) => p.region === "West"), count((p) => p.region === "Northeast")]).toEqual([10, 6, 12, 3]);
    expect([count((p) => p.southNorth === "South"), count((p) => p.southNorth === "North")]).toEqual([16, 15]);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(31);
  });
  test.each([
    ["北京市", "北京", 11], ["北京", "北京", 11], ["Beijing", "北京", 11], [" beijing ", "北京", 11],
    ["内蒙古自治区", "内蒙古", 15], ["Inner Mongolia", "内蒙古", 15], ["Nei Mongol", "内蒙古", 15],
    ["广西壮族自治区", "广西", 45], ["新疆维吾尔自治区", "新疆", 65], ["宁夏回族自治区", "宁夏", 64],
    ["Shaanxi", "陕西", 61], ["Shanxi", "山西", 14], ["Xizang", "西藏", 54], ["黑龙江省", "黑龙江", 23], ["北京　市", "北京", 11], [44, "广东", 44],
  ])("%p → %s (%d)", (input, name, code) => {
    expect(normalizeProvince(input)).toMatchObject({ name, code });
  });
  test("unknown names are not guessed", () => {
    expect(normalizeProvince("北平省")).toBeUndefined();
    expect(normalizeProvince("Hongkong")).toBeUndefined();
  });
  test("national totals are recognised", () => {
    expect(isNationalTotal("全国")).toBe(true);
    expect(isNationalTotal("National")).toBe(true);
    expect(isNationalTotal("北京")).toBe(false);
  });
});
