export declare function ensureTools(log?: (line: string) => void): void;
export default ensureTools;
