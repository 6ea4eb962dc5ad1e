import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createAdminRouter } from './App';
import { SessionProvider } from './session/SessionProvider';
import { usePrefersReducedMotion } from './shell/usePrefersReducedMotion';
import './styles/admin.css';

dayjs.locale('zh-cn');

/**
 * antd's greys for hints, placeholders and group titles, its link blue and its status words are
 * below 4.5:1 on white or on their tinted tags (axe flags them); these are the nearest that pass.
 */
const THEME: ThemeConfig = {
  token: {
    fontSize: 15,
    colorPrimary: '#1f5fbf',
    colorTextDescription: '#595959',
    colorTextTertiary: '#595959',
    colorTextPlaceholder: '#6e6e6e',
    colorTextQuaternary: '#6e6e6e',
    colorLink: '#1f5fbf',
    // Hovered buttons and links lighten antd's blue below 4.5:1; darken instead.
    colorPrimaryHover: '#174a96',
    colorLinkHover: '#174a96',
    // Status words on tinted tags (已发布, 错误 …) need darker text than antd's to be read.
    colorSuccessText: '#2f6f12',
    colorWarningText: '#874d00',
    colorErrorText: '#b0181c',
    colorInfoText: '#1f5fbf',
  },
  components: { Breadcrumb: { linkColor: '#595959', separatorColor: '#595959' } },
};

/** Made once: a theme change (the motion setting) must not reset the page the user is on. */
const router = createAdminRouter();

function ThemedApp() {
  const reduceMotion = usePrefersReducedMotion();
  const theme = reduceMotion ? { ...THEME, token: { ...THEME.token, motion: false } } : THEME;
  return (
    // The click ripple ("wave") keeps its own 0.4 s and 2 s transitions when motion is off: it goes too.
    <ConfigProvider locale={zhCN} theme={theme} wave={{ disabled: reduceMotion }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root');
createRoot(root).render(
  <StrictMode>
    <ThemedApp />
  </StrictMode>,
);
