/**
 * The part of Thunderbird's MailExtension API (the `messenger` global of extension pages) this
 * add-in uses, declared by hand from the Manifest V3 reference for Thunderbird 128 ESR and later
 * (https://webextension-api.thunderbird.net/en/mv3/): no types package. Every call of these goes
 * through one file of src/hosts/thunderbird, which names the API and the version it needs;
 * eslint.config.js allows the `messenger` and `browser` globals there and nowhere else.
 */

declare namespace messenger {
  namespace tabs {
    /** tabs.Tab, the fields read here. */
    interface Tab {
      readonly id?: number;
      readonly windowId?: number;
      readonly active: boolean;
      /** "mail", "messageDisplay", "content", ... */
      readonly type?: string;
    }
    function query(queryInfo: { active?: boolean; currentWindow?: boolean; lastFocusedWindow?: boolean }): Promise<Tab[]>;
  }

  namespace messages {
    /** messages.MessageHeader (MV3). `date` is a Date object. */
    interface MessageHeader {
      readonly id: number;
      readonly author: string;
      readonly recipients: readonly string[];
      readonly ccList: readonly string[];
      readonly bccList: readonly string[];
      readonly subject: string;
      readonly date: Date | string;
      readonly headerMessageId?: string;
      readonly headersOnly?: boolean;
      readonly external?: boolean;
      readonly size?: number;
    }
    /** messages.MessageList (MV3: what messageDisplay.getDisplayedMessages returns). */
    interface MessageList {
      readonly id: string | null;
      readonly messages: readonly MessageHeader[];
    }
    /** messages.MessageAttachment. */
    interface MessageAttachment {
      readonly contentType: string;
      readonly name: string;
      readonly partName: string;
      readonly size: number;
      readonly contentId?: string;
      /** TB 135+: "attachment" or "inline". */
      readonly contentDisposition?: string;
    }
    function getRaw(messageId: number, options?: { data_format?: "File" | "BinaryString"; decrypt?: boolean }): Promise<File | string>;
    function listAttachments(messageId: number): Promise<MessageAttachment[]>;
    function getAttachmentFile(messageId: number, partName: string): Promise<File>;
  }

  namespace messageDisplay {
    function getDisplayedMessages(tabId?: number): Promise<messages.MessageList>;
  }

  namespace compose {
    /** compose.FileAttachment. */
    interface FileAttachment {
      readonly file: File;
      readonly name?: string;
    }
    /** compose.ComposeDetails, the fields set here. */
    interface ComposeDetails {
      readonly to?: readonly string[];
      readonly subject?: string;
      readonly isPlainText?: boolean;
      readonly plainTextBody?: string;
      readonly body?: string;
      readonly attachments?: readonly FileAttachment[];
    }
    /** beginNew([messageId], [details]): the optional messageId may be left out. */
    function beginNew(details?: ComposeDetails): Promise<tabs.Tab>;
  }

  namespace storage {
    namespace managed {
      function get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
    }
  }

  namespace i18n {
    function getUILanguage(): string;
  }

  namespace runtime {
    interface BrowserInfo {
      readonly name: string;
      readonly vendor: string;
      readonly version: string;
      readonly buildID: string;
    }
    interface PlatformInfo {
      /** "mac", "win", "android", "cros", "linux", "openbsd". */
      readonly os: string;
      readonly arch: string;
    }
    function getBrowserInfo(): Promise<BrowserInfo>;
    function getPlatformInfo(): Promise<PlatformInfo>;
  }
}
