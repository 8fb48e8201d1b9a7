import { Button } from "@fluentui/react-components";
import { LocalLanguageRegular } from "@fluentui/react-icons";
import type { Language } from "../language";
import type { Messages } from "../messages";

export interface LanguageSwitchProps {
  messages: Messages;
  onSwitch: (language: Language) => void;
}

/**
 * The other language, named in itself («English», «Русский») so that a user who cannot read the
 * current one still finds it.
 */
export function LanguageSwitch({ messages, onSwitch }: LanguageSwitchProps) {
  const other = messages.otherLanguage;
  return (
    <Button
      size="small"
      appearance="subtle"
      icon={<LocalLanguageRegular />}
      lang={other.language}
      title={other.hint}
      onClick={() => onSwitch(other.language)}
    >
      {other.name}
    </Button>
  );
}
