/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

// The root tsconfig type-checks every workspace together, so these stay optional and loose:
// they must not narrow what server/ or dev/ may do with process.env.
declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built: replaced at build time, so untaken branches are dropped. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn';
    /** The CloudBase environment id the weapp calls (client/config/index.ts `env`). */
    CLOUD_ENV?: string;
    REMINDER_TEMPLATE_ID?: string;
    /** The subscribe message template of a 12345 ticket's status (client/config/index.ts `env`). */
    TICKET_TEMPLATE_ID?: string;
    TARO_APP_ID?: string;
  }
}
