import { Image, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { pickImage, uploadPicked, type ImageFolder } from '../../services/storage';
import { FieldShell, type FieldProps } from './field';

interface Props extends Omit<FieldProps<string[]>, 'placeholder'> {
  folder: ImageFolder;
}

/**
 * Several photos (a proposal's, a milestone's): each picked and uploaded like ImageField's, as
 * many as the schema allows (`maxLength` from `form.field`), each removable.
 */
export function PhotosField({ name, label, value, onChange, required, error, folder, maxLength }: Props) {
  const photos = value ?? [];
  const add = async () => {
    const stored = await uploadPicked(await pickImage(), folder);
    if (stored) onChange([...photos, stored]);
  };
  const remove = (index: number) => onChange(photos.filter((_, i) => i !== index));
  const full = maxLength !== undefined && photos.length >= maxLength;
  return (
    <FieldShell name={name} label={label} required={required} error={error} stacked>
      <View className="llt-field__photos" data-testid={`photos-${name}`}>
        {photos.map((photo, index) => (
          <View key={photo} className="llt-field__photo-slot">
            <Image className="llt-field__photo" src={photo} mode="aspectFill" />
            <Button size="mini" fill="none" onClick={() => remove(index)}>
              移除
            </Button>
          </View>
        ))}
        {!full && (
          <Button size="small" onClick={() => void add()}>
            添加照片
          </Button>
        )}
      </View>
      {maxLength !== undefined && (
        <View className="muted">
          {photos.length}/{maxLength} 张
        </View>
      )}
    </FieldShell>
  );
}
