import { Modal } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving with unsaved changes: another screen of the app (the data router's blocker)
 * or closing and reloading the tab (`beforeunload`, where the browser asks in its own words).
 * Moving within the editor (another tab, `?pointer=`) changes only the query and is not held.
 */
export function LeaveGuard({ isDirty }: { isDirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => isDirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) return;
    const hold = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', hold);
    return () => window.removeEventListener('beforeunload', hold);
  }, [isDirty]);
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title="有未保存的修改"
      okText="放弃修改并离开"
      okButtonProps={{ danger: true }}
      cancelText="留在此页"
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      离开后，尚未保存的修改将丢失。
    </Modal>
  );
}
