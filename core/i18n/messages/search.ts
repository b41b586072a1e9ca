import type { Messages } from '../types';

/** Issue #15: full-text search over page text, the motcua search command. Vietnamese first, English beside it. */
export const search: Messages = {
  vi: {
    errors: {
      SEARCH_QUERY_EMPTY: 'Nội dung tìm kiếm không có chữ hoặc số nào. Hãy gõ ít nhất một từ có trên trang giấy tờ.',
      SEARCH_QUERY_TOO_LONG: 'Nội dung tìm kiếm có {{count}} từ, nhiều hơn mức {{max}} từ. Hãy gõ ít từ hơn (những từ đặc trưng nhất của trang).',
      SEARCH_PREFIX_TOO_SHORT: 'Tìm theo phần đầu của từ ("{{word}}*") cần ít nhất {{min}} chữ cái trước dấu *.',
    },
    search: {
      cli: {
        noHits: 'Không tìm thấy trang nào khớp.',
        more: '… còn kết quả khác; dùng --limit hoặc --offset để xem tiếp.',
        page: 'trang',
      },
    },
  },
  en: {
    errors: {
      SEARCH_QUERY_EMPTY: 'The search has no letter or digit in it. Type at least one word that is on the page.',
      SEARCH_QUERY_TOO_LONG: 'The search has {{count}} words, more than the {{max}} allowed. Type fewer words (the most telling ones on the page).',
      SEARCH_PREFIX_TOO_SHORT: 'Searching by the start of a word ("{{word}}*") needs at least {{min}} letters before the *.',
    },
    search: {
      cli: {
        noHits: 'No page matches.',
        more: '… there are more results; use --limit or --offset to see them.',
        page: 'page',
      },
    },
  },
};
