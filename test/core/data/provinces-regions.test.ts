import { regionGroups, provinceRegions, normalizeProvince, isNationalTotal } from "../../../src/core/data/provinces";

describe("region groups", () => {
  test("NBS four regions, members listed by canonical name (NBS 2011 division)", () => {
    const g = regionGroups("region4");
    expect(g.map((x) => [x.key, x.zh, x.members.length])).toEqual([["East", "东部", 10], ["Central", "中部", 6], ["West", "西部", 12], ["Northeast", "东北", 3]]);
    expect(g[0].members).toEqual(["北京", "天津", "河北", "上海", "江苏", "浙江", "福建", "山东", "广东", "海南"]);
    expect(g[1].members).toEqual(["山西", "安徽", "江西", "河南", "湖北", "湖南"]);
    expect(g[3].members).toEqual(["辽宁", "吉林", "黑龙江"]);
  });

  test("South 16 / North 15 by the Qinling–Huaihe line", () => {
    const [south, north] = regionGroups("southNorth");
    expect([south.en, south.zh, north.en, north.zh]).toEqual(["South", "南方", "North", "北方"]);
    expect(south.members).toEqual(["上海", "江苏", "浙江", "安徽", "福建", "江西", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏"]);
    expect(north.members).toHaveLength(15);
  });

  test("regions of a province by any spelling", () => {
    expect(provinceRegions("Shaanxi")).toEqual({ region4: "West", southNorth: "North" });
    expect(provinceRegions("火星")).toBeUndefined();
  });

  test("more spellings: full-width, English case, national totals", () => {
    expect(normalizeProvince("ＢＥＩＪＩＮＧ")).toMatchObject({ name: "北京", code: 11 });
    expect(normalizeProvince("INNER MONGOLIA")).toMatchObject({ name: "内蒙古", code: 15 });
    expect(normalizeProvince("Tibet")).toMatchObject({ name: "西藏", code: 54 });
    expect(normalizeProvince("西藏自治区")).toMatchObject({ name: "西藏", code: 54 });
    for (const t of ["全国", "National", "Total", "National Total", "全国合计"]) expect(isNationalTotal(t)).toBe(true);
    expect(normalizeProvince("东部地区")).toBeUndefined();
  });
});
