import { Select, type SelectProps } from 'antd';
import { useSession } from '../../../app/auth/session';
import { useEntityOptions } from '../entities/entitiesApi';

type EntityPickerProps = Omit<SelectProps<string>, 'options' | 'loading'>;

/** A Select of legal entities the user can work with. */
export function EntityPicker(props: EntityPickerProps) {
  const session = useSession();
  const { options, isLoading } = useEntityOptions(session.entities);
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      {...props}
      options={options}
      loading={isLoading}
    />
  );
}
