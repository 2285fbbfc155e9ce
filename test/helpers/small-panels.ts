/** Two provinces × three years with one blank cell (a, 北京 2002): the missing-value cases. */
export const TWO_PROVINCES_ONE_GAP: (string | number)[][] = [
  ["province", "year", "a", "b"],
  ["北京", 2001, 1, 10],
  ["北京", 2002, "", 20],
  ["北京", 2003, 3, 30],
  ["上海", 2001, 2, 11],
  ["上海", 2002, 4, 25],
  ["上海", 2003, 6, 31],
];
