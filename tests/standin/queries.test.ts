import { call, type Query, range, startLocalCloud } from './harness';

const { local, db } = startLocalCloud();
const _ = db.command;
const $ = _.aggregate;
afterAll(() => local.close());

const people = [
  { _id: 'p1', name: 'Alice', age: 30, city: 'Beijing', tags: ['a', 'b'], points: 10 },
  { _id: 'p2', name: 'bob', age: 25, city: 'Shanghai', tags: ['b'], points: 5 },
  { _id: 'p3', name: 'Carol', age: 35, city: 'Beijing', tags: [], points: 20, vip: true },
  { _id: 'p4', name: 'dave', age: 25, city: 'Shenzhen', tags: ['c'], points: 0, vip: false },
];

async function seedPeople(): Promise<void> {
  local.clear();
  for (const person of people) await call(db.collection('people').add({ data: person }));
}

async function ids(query: Query): Promise<unknown[]> {
  return (await call(query.get())).data.map((doc) => doc._id);
}

describe('query operators', () => {
  beforeAll(seedPeople);
  const peopleCollection = () => db.collection('people');

  it.each([
    ['equality', { city: 'Beijing' }, ['p1', 'p3']],
    ['$gt', { age: _.gt(25) }, ['p1', 'p3']],
    ['$gte', { age: _.gte(30) }, ['p1', 'p3']],
    ['$lt', { age: _.lt(30) }, ['p2', 'p4']],
    ['$lte', { points: _.lte(5) }, ['p2', 'p4']],
    ['$ne', { city: _.neq('Beijing') }, ['p2', 'p4']],
    ['$in', { city: _.in(['Shanghai', 'Shenzhen']) }, ['p2', 'p4']],
    ['$nin', { city: _.nin(['Shanghai', 'Shenzhen']) }, ['p1', 'p3']],
    ['$exists', { vip: _.exists(true) }, ['p3', 'p4']],
    ['$exists false', { vip: _.exists(false) }, ['p1', 'p2']],
    ['$and on one field', { age: _.gt(20).and(_.lt(30)) }, ['p2', 'p4']],
    ['$or across fields', _.or([{ city: 'Shanghai' }, { points: _.gte(20) }]), ['p2', 'p3']],
    ['$and across fields', _.and([{ city: 'Beijing' }, { age: _.gt(30) }]), ['p3']],
    ['array element equality', { tags: 'b' }, ['p1', 'p2']],
    ['db.RegExp', { name: db.RegExp({ regexp: '^[a-c]', options: 'i' }) }, ['p1', 'p2', 'p3']],
    ['JS RegExp', { name: /^[a-c]/ }, ['p2']],
    ['_id lookup', { _id: 'p3' }, ['p3']],
    ['_id $in', { _id: _.in(['p4', 'p1', 'nobody']) }, ['p1', 'p4']],
  ])('%s', async (_label, condition, expected) => {
    expect(await ids(peopleCollection().where(condition))).toEqual(expected);
  });

  it('orderBy (several keys), skip and limit', async () => {
    const query = peopleCollection().orderBy('age', 'asc').orderBy('name', 'desc');
    expect(await ids(query)).toEqual(['p4', 'p2', 'p1', 'p3']);
    expect(await ids(query.skip(1).limit(2))).toEqual(['p2', 'p1']);
  });

  it('field() projects, keeping _id', async () => {
    const { data } = await call(peopleCollection().where({ _id: 'p1' }).field({ name: true }).get());
    expect(data).toEqual([{ _id: 'p1', name: 'Alice' }]);
  });

  it('count() counts matches', async () => {
    expect((await call(peopleCollection().where({ age: 25 }).count())).total).toBe(2);
    expect((await call(peopleCollection().count())).total).toBe(4);
  });
});

describe('result size limits as the SDK sends them', () => {
  beforeAll(async () => {
    local.clear();
    await call(
      db.collection('many').add({ data: range(1200).map((n) => ({ n })) as unknown as { n: number } }),
    );
  });

  it('get() returns 100 documents by default', async () => {
    expect((await call(db.collection('many').get())).data).toHaveLength(100);
  });

  it('limit() above 1000 is capped at 1000', async () => {
    expect((await call(db.collection('many').limit(5000).get())).data).toHaveLength(1000);
  });
});

describe('updates', () => {
  beforeEach(seedPeople);

  it('where().update() applies to every match and reports stats.updated', async () => {
    const result = await call(
      db
        .collection('people')
        .where({ city: 'Beijing' })
        .update({ data: { points: _.inc(5) } }),
    );
    expect(result.stats.updated).toBe(2);
    expect(await ids(db.collection('people').where({ points: _.gte(15) }))).toEqual(['p1', 'p3']);
  });

  it('stats.updated counts documents that changed, not documents matched', async () => {
    const result = await call(
      db
        .collection('people')
        .where({ age: 25 })
        .update({ data: { age: 25 } }),
    );
    expect(result.stats.updated).toBe(0);
  });

  it('where().remove() deletes every match', async () => {
    const result = await call(
      db
        .collection('people')
        .where({ age: _.lt(30) })
        .remove(),
    );
    expect(result.stats.removed).toBe(2);
    expect(await ids(db.collection('people'))).toEqual(['p1', 'p3']);
  });

  it('update operators: inc, set (nested path), remove, push, pull, addToSet', async () => {
    await call(
      db
        .collection('people')
        .doc('p1')
        .update({
          data: {
            points: _.inc(-3),
            address: { street: _.set({ no: 1 }) },
            'profile.bio': 'hi',
            city: _.remove(),
            tags: _.push(['c', 'd']),
          },
        }),
    );
    await call(
      db
        .collection('people')
        .doc('p1')
        .update({ data: { tags: _.pull('a') } }),
    );
    await call(
      db
        .collection('people')
        .doc('p1')
        .update({ data: { tags: _.addToSet('b') } }),
    );
    await call(
      db
        .collection('people')
        .doc('p1')
        .update({ data: { tags: _.addToSet('z') } }),
    );

    const { data } = await call(db.collection('people').doc('p1').get());
    expect(data).toEqual({
      _id: 'p1',
      name: 'Alice',
      age: 30,
      tags: ['b', 'c', 'd', 'z'],
      points: 7,
      address: { street: { no: 1 } },
      profile: { bio: 'hi' },
    });
  });

  it('an invalid update fails like a CloudBase request failure', async () => {
    const notANumber = 'x' as unknown as number;
    await expect(
      call(
        db
          .collection('people')
          .doc('p1')
          .update({ data: { points: _.inc(notANumber) } }),
      ),
    ).rejects.toThrow(/document\.update:fail -502001/);
  });
});

describe('aggregate', () => {
  beforeAll(seedPeople);

  it('$match + $group with $sum, $sort, $skip, $limit', async () => {
    const pipeline = db
      .collection('people')
      .aggregate()
      .match({ age: _.gte(25) })
      .group({ _id: '$city', total: $.sum('$points'), people: $.sum(1) })
      .sort({ total: -1, _id: 1 })
      .skip(1)
      .limit(2);
    const { list } = await call(pipeline.end());
    expect(list).toEqual([
      { _id: 'Shanghai', total: 5, people: 1 },
      { _id: 'Shenzhen', total: 0, people: 1 },
    ]);
  });

  it('$lookup joins another collection', async () => {
    await call(db.collection('cities').add({ data: { _id: 'Beijing', province: 'Beijing' } }));
    const pipeline = db
      .collection('people')
      .aggregate()
      .match({ _id: 'p1' })
      .lookup({ from: 'cities', localField: 'city', foreignField: '_id', as: 'cityInfo' })
      .project({ _id: 0, name: 1, cityInfo: 1 });
    expect((await call(pipeline.end())).list).toEqual([
      { name: 'Alice', cityInfo: [{ _id: 'Beijing', province: 'Beijing' }] },
    ]);
  });

  it('$project and $count', async () => {
    const projected = await call(
      db.collection('people').aggregate().match({ _id: 'p2' }).project({ _id: 0, name: 1 }).end(),
    );
    expect(projected.list).toEqual([{ name: 'bob' }]);
    const counted = await call(
      db.collection('people').aggregate().match({ city: 'Beijing' }).count('n').end(),
    );
    expect(counted.list).toEqual([{ n: 2 }]);
  });
});
