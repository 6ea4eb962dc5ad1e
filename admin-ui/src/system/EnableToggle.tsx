import { Button, Popconfirm } from 'antd';

/**
 * Disabling or enabling something others depend on, behind a confirm that says what follows:
 * for an account, its sessions end at once.
 */
export function EnableToggle({
  thing,
  name,
  isDisabled,
  onDisable,
  onEnable,
  onConfirm,
}: {
  /** 账号, 部门 */
  thing: string;
  name: string;
  isDisabled: boolean;
  /** What disabling does, said before it is done. */
  onDisable: string;
  onEnable: string;
  onConfirm: () => Promise<void>;
}) {
  const verb = isDisabled ? '启用' : '停用';
  return (
    <Popconfirm
      title={`${verb} ${name}？`}
      description={isDisabled ? onEnable : onDisable}
      okText={verb}
      cancelText="取消"
      onConfirm={onConfirm}
    >
      <Button danger={!isDisabled}>{`${verb}${thing}`}</Button>
    </Popconfirm>
  );
}
