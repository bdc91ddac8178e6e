import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/errorMessage';
import { useSession, useSwitchEntity } from '../auth/session';

/** Which legal entity the user acts for; permissions and data scope follow the choice. */
export function EntitySwitcher({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const switchEntity = useSwitchEntity();

  const onChange = (entityId: string) => {
    switchEntity.mutate(entityId, {
      onSuccess: (info) => message.success(t('header.entitySwitched', { name: info.actingEntity.name })),
      onError: (error) => message.error(errorMessage(error, t)),
    });
  };

  return (
    <Select
      data-testid="entity-switcher"
      aria-label={t('header.actingEntity')}
      title={t('header.actingEntity')}
      value={session.actingEntity.id}
      loading={switchEntity.isPending}
      disabled={switchEntity.isPending}
      onChange={onChange}
      options={session.entities.map((entity) => ({ value: entity.id, label: entity.name }))}
      style={{ width: compact ? 150 : 240 }}
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
