/** "1 round", "3 rounds", "1 timeline entry", "2 timeline entries". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
