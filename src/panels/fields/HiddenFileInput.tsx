/** A hidden multiple-file input that hands the chosen files to `onFiles` and clears itself, so choosing the same files again fires again. */
import type { Ref } from 'react';

export function HiddenFileInput({ inputRef, accept, testId, onFiles }: { inputRef: Ref<HTMLInputElement>; accept: string; testId: string; onFiles: (files: File[]) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
}
