/** Column letters as Excel writes them: 0 → A, 25 → Z, 26 → AA (imports name a file's columns so). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
