/**
 * The add-in's fixed id (manifest.json `browser_specific_settings.gecko.id`): what an
 * administrator's policy names to configure it (`"3rdparty": { "Extensions": { "<id>": … } }`),
 * and what storage.managed needs to exist at all. Never change it: deployed policies use it.
 */
export const ADDON_ID = "check-this-mail@check-this-mail";
