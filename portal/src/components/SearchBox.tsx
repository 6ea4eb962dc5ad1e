import { useState, type FormEvent } from 'react';
import { navigate } from '../routing/useLocation';
import { MAX_QUERY_LENGTH, normaliseQuery, searchPath } from '../search/SearchState';

/** The search box first, as on every 政务服务 portal: a labelled field and one large button. */
export function SearchBox({ initial = '', isLarge = false }: { initial?: string; isLarge?: boolean }) {
  const [text, setText] = useState(initial);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(searchPath({ q: normaliseQuery(text) }));
  };
  return (
    <form role="search" className={`search ${isLarge ? 'search-large' : ''}`} onSubmit={onSubmit}>
      <label htmlFor="search-input" className="search-label">
        搜索事项
      </label>
      <div className="search-row">
        <input
          id="search-input"
          type="search"
          enterKeyHint="search"
          maxLength={MAX_QUERY_LENGTH}
          placeholder="输入事项名称，如：食品许可、身份证"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          搜索
        </button>
      </div>
    </form>
  );
}
