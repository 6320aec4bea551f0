export declare function changelogSection(text: string, version: string): string | undefined;
