/**
 * The board's Vietnamese announcement as a sequence of voice clips (issue #18): "Mời công dân có số thứ tự 1023 đến
 * quầy số 3" → clip names of resources/voice/vi/<name>.wav, played in order.
 * PLACEHOLDER (skeleton): the voice helper replaces the body.
 */
export function announcementClips(_ticketNumber: string, _counter: number): string[] {
  return [];
}
