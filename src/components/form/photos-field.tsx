import { Image, View } from '@tarojs/components';
import { pickImage, uploadPicked, type ImageFolder } from '../../services/storage';
import { FieldShell, type FieldProps } from './field';

interface Props extends Omit<FieldProps<string[]>, 'placeholder'> {
  folder: ImageFolder;
  /** A line under the label, e.g. what the photos are for. */
  hint?: string;
}

/**
 * A few photos (a wish and its proof of help, a proposal, a milestone): each picked and uploaded
 * like ImageField's one, kept as stored images' ids; as many as the schema's `max` allows, each
 * removable.
 */
export function PhotosField({ name, label, value, onChange, required, error, folder, max, hint }: Props) {
  const photos = value ?? [];
  const add = async () => {
    const stored = await uploadPicked(await pickImage(), folder);
    if (stored) onChange([...photos, stored]);
  };
  const remove = (photo: string) => onChange(photos.filter((p) => p !== photo));
  const full = max !== undefined && photos.length >= max;
  return (
    <FieldShell name={name} label={label} required={required} error={error} stacked>
      {hint && <View className="muted">{hint}</View>}
      <View className="llt-field__photos" data-testid={`photos-${name}`}>
        {photos.map((photo) => (
          <View key={photo} className="llt-field__photo-slot">
            <Image className="llt-field__photo" src={photo} mode="aspectFill" />
            <View className="llt-field__photo-remove tap" onClick={() => remove(photo)}>
              ×
            </View>
          </View>
        ))}
        {!full && (
          <View
            className="llt-field__photo llt-field__photo-add tap"
            onClick={() => void add()}
            data-testid={`add-photo-${name}`}
          >
            ＋<View className="muted">{max !== undefined ? `${photos.length}/${max}` : '添加'}</View>
          </View>
        )}
      </View>
    </FieldShell>
  );
}
