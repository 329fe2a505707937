import { Image, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { pickImage, uploadPicked, type ImageFolder } from '../../services/storage';
import { FieldShell, type FieldProps } from './field';

interface Props extends Omit<FieldProps<string>, 'placeholder'> {
  folder: ImageFolder;
}

/** A photo: picked on the phone, uploaded to the app's storage, kept as the stored image's id. */
export function ImageField({ name, label, value, onChange, required, error, folder }: Props) {
  const choose = async () => {
    const stored = await uploadPicked(await pickImage(), folder);
    if (stored) onChange(stored);
  };
  return (
    <FieldShell name={name} label={label} required={required} error={error} stacked>
      <View className="llt-field__image">
        {value ? <Image className="llt-field__photo" src={value} mode="aspectFill" /> : null}
        <Button size="small" onClick={() => void choose()}>
          {value ? '更换' : '上传'}
        </Button>
        {value && !required ? (
          <Button size="small" fill="none" onClick={() => onChange('')}>
            移除
          </Button>
        ) : null}
      </View>
    </FieldShell>
  );
}
