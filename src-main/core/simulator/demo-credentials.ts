/**
 * Fixed demo credentials: they open nothing but the simulator on 127.0.0.1, and being fixed
 * they can be printed, documented and typed into a profile.
 */
export interface DemoCredentials {
  dialpadApiKey: string;
  voipbinUsername: string;
  voipbinPassword: string;
  voipbinAccessKey: string;
  voipbinCustomerId: string;
  opentactEmail: string;
  opentactPassword: string;
}

export const DEMO_CREDENTIALS: DemoCredentials = {
  dialpadApiKey: 'sim-dialpad-demo-api-key',
  voipbinUsername: 'demo-admin',
  voipbinPassword: 'sim-voipbin-demo-password',
  voipbinAccessKey: 'sim-voipbin-demo-accesskey',
  voipbinCustomerId: '5e4a0680-804e-11ec-8477-2fea5669e2a2',
  opentactEmail: 'demo@switchboard.example',
  opentactPassword: 'sim-opentact-demo-password',
};
