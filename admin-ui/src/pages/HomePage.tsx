import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { screensFor } from '../shell/staffMenu';

/** The workbench: where each role starts, with the screens it works in. */
export function HomePage() {
  const user = useStaffUser();
  const screens = screensFor(user.role).filter((screen) => screen.path !== '/');
  return (
    <PageFrame title="工作台">
      <Typography.Paragraph>您好，{user.displayName}。</Typography.Paragraph>
      {screens.length === 0 ? (
        <Typography.Paragraph>办件工作台即将上线；在此之前，代办申报请在政务服务网以本账号登录后办理。</Typography.Paragraph>
      ) : (
        <Row gutter={[16, 16]}>
          {screens.map((screen) => (
            <Col key={screen.path} xs={24} sm={12} lg={8}>
              <Link to={screen.path}>
                <Card hoverable title={screen.label} size="small">
                  {screen.group}
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </PageFrame>
  );
}
