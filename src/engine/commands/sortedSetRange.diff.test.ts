import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/**
 * Every range script runs twice: on listpacks (the default thresholds) and on skiplists
 * (zset-max-listpack-entries 0 converts on the first insert), since each encoding has its own
 * implementation of every walk.
 */
const ENCODINGS = {
  listpack: 'CONFIG SET zset-max-listpack-entries 128',
  skiplist: 'CONFIG SET zset-max-listpack-entries 0',
};

const FIXTURE = `
  ZADD z 1 a 2 b 3 c 3 d 4 e 5 f -inf ninf inf pinf 2.5 bc
  OBJECT ENCODING z
  ZADD lex 0 a 0 b 0 c 0 d 0 e 0 f 0 g 0 aa 0 "" 0 "\\xff" 0 "B"
`;

const RANK = `
  ZRANGE z 0 -1
  ZRANGE z 0 -1 WITHSCORES
  ZRANGE z 0 -1 withscores WITHSCORES
  ZRANGE z 2 4
  ZRANGE z -3 -1 WITHSCORES
  ZRANGE z -100 2
  ZRANGE z 5 100
  ZRANGE z 100 200
  ZRANGE z 3 2
  ZRANGE z -1 -3
  ZRANGE z 0 0
  ZRANGE z -1 -1
  ZRANGE z 0 9223372036854775807
  ZRANGE z -9223372036854775808 1
  ZRANGE z 0 -1 REV
  ZRANGE z 0 2 REV WITHSCORES
  ZRANGE z -2 -1 REV
  ZREVRANGE z 0 -1 WITHSCORES
  ZREVRANGE z 1 3
  ZREVRANGE z -2 -1
  ZREVRANGE z 5 2
  ZRANGE z a 1
  ZRANGE z 0 b
  ZRANGE z 1.5 2
  ZRANGE z "" 2
  ZRANGE z 0 -1 LIMIT 0 1
  ZRANGE z 0 -1 LIMIT 0 -1
  ZRANGE z 0 -1 LIMIT 0
  ZRANGE z 0 -1 REV REV
  ZRANGE z 0 -1 BYSCORE BYLEX
  ZRANGE z 0 -1 BOGUS
  ZREVRANGE z 0 -1 REV
  ZREVRANGE z 0 -1 BYSCORE
  ZRANGE nokey 0 -1
  ZRANGE nokey a b
  ZREVRANGE nokey 0 -1 WITHSCORES
`;

const SCORE = `
  ZRANGEBYSCORE z -inf +inf
  ZRANGEBYSCORE z -inf +inf WITHSCORES
  ZRANGEBYSCORE z 2 3
  ZRANGEBYSCORE z (2 3
  ZRANGEBYSCORE z 2 (3
  ZRANGEBYSCORE z (2 (3
  ZRANGEBYSCORE z (3 (3
  ZRANGEBYSCORE z 3 3
  ZRANGEBYSCORE z 4 2
  ZRANGEBYSCORE z 6 10
  ZRANGEBYSCORE z -10 -5
  ZRANGEBYSCORE z inf inf WITHSCORES
  ZRANGEBYSCORE z -inf -inf
  ZRANGEBYSCORE z (-inf (inf
  ZRANGEBYSCORE z "" ""
  ZRANGEBYSCORE z "(" 3
  ZRANGEBYSCORE z " 2" 3
  ZRANGEBYSCORE z "  " 3
  ZRANGEBYSCORE z 1e400 inf
  ZRANGEBYSCORE z 0x2 0x3
  ZRANGEBYSCORE z 2.5 2.5
  ZRANGEBYSCORE z nan 3
  ZRANGEBYSCORE z 1 (nan
  ZRANGEBYSCORE z 1 x
  ZRANGEBYSCORE z -inf +inf LIMIT 0 2
  ZRANGEBYSCORE z -inf +inf LIMIT 2 2 WITHSCORES
  ZRANGEBYSCORE z -inf +inf LIMIT 1 -1
  ZRANGEBYSCORE z -inf +inf LIMIT 1 -5
  ZRANGEBYSCORE z -inf +inf LIMIT -1 5
  ZRANGEBYSCORE z -inf +inf LIMIT 0 0
  ZRANGEBYSCORE z -inf +inf LIMIT 9 3
  ZRANGEBYSCORE z -inf +inf LIMIT 100 3
  ZRANGEBYSCORE z 2 4 LIMIT 1 1
  ZRANGEBYSCORE z -inf +inf LIMIT 1
  ZRANGEBYSCORE z -inf +inf LIMIT a 1
  ZRANGEBYSCORE z -inf +inf LIMIT 1 b
  ZRANGEBYSCORE z -inf +inf LIMIT 1 1 LIMIT 2 2
  ZRANGEBYSCORE z -inf +inf BYSCORE
  ZRANGEBYSCORE z -inf +inf REV
  ZREVRANGEBYSCORE z +inf -inf
  ZREVRANGEBYSCORE z +inf -inf WITHSCORES
  ZREVRANGEBYSCORE z 3 2
  ZREVRANGEBYSCORE z (3 2
  ZREVRANGEBYSCORE z 3 (2
  ZREVRANGEBYSCORE z 2 3
  ZREVRANGEBYSCORE z +inf -inf LIMIT 1 3
  ZREVRANGEBYSCORE z +inf -inf LIMIT 6 -1 WITHSCORES
  ZREVRANGEBYSCORE z +inf -inf LIMIT -2 3
  ZRANGE z 2 3 BYSCORE
  ZRANGE z (2 +inf BYSCORE LIMIT 1 2 WITHSCORES
  ZRANGE z +inf -inf BYSCORE REV
  ZRANGE z 3 2 BYSCORE REV WITHSCORES
  ZRANGE z 2 3 BYSCORE REV
  ZRANGE z +inf -inf BYSCORE REV LIMIT 2 2
  ZRANGE z a b BYSCORE
  ZRANGE z 0 -1 BYSCORE LIMIT 0 -1
  ZRANGEBYSCORE nokey -inf +inf
  ZRANGEBYSCORE nokey a b
  ZREVRANGEBYSCORE nokey +inf -inf WITHSCORES
`;

const LEX = `
  ZRANGEBYLEX lex - +
  ZRANGEBYLEX lex + -
  ZRANGEBYLEX lex - -
  ZRANGEBYLEX lex + +
  ZRANGEBYLEX lex [b [d
  ZRANGEBYLEX lex (b [d
  ZRANGEBYLEX lex [b (d
  ZRANGEBYLEX lex (b (d
  ZRANGEBYLEX lex (a (aa
  ZRANGEBYLEX lex [a [aa
  ZRANGEBYLEX lex [ (a
  ZRANGEBYLEX lex ( +
  ZRANGEBYLEX lex [d [b
  ZRANGEBYLEX lex [z +
  ZRANGEBYLEX lex - [B
  ZRANGEBYLEX lex "[\\xff" +
  ZRANGEBYLEX lex - + LIMIT 1 3
  ZRANGEBYLEX lex - + LIMIT 3 -1
  ZRANGEBYLEX lex - + LIMIT -1 3
  ZRANGEBYLEX lex - + LIMIT 0 0
  ZRANGEBYLEX lex - + LIMIT 99 1
  ZRANGEBYLEX lex - + WITHSCORES
  ZRANGEBYLEX lex a b
  ZRANGEBYLEX lex [a b
  ZRANGEBYLEX lex -a +
  ZRANGEBYLEX lex "" +
  ZRANGEBYLEX lex - +b
  ZRANGEBYLEX lex "-\\x00ignored" "+\\x00ignored"
  ZRANGEBYLEX lex - + BYLEX
  ZRANGEBYLEX lex - + LIMIT 1
  ZREVRANGEBYLEX lex + -
  ZREVRANGEBYLEX lex [d [b
  ZREVRANGEBYLEX lex (d (b
  ZREVRANGEBYLEX lex [b [d
  ZREVRANGEBYLEX lex + - LIMIT 2 3
  ZREVRANGEBYLEX lex + - LIMIT 0 -1
  ZRANGE lex [b [d BYLEX
  ZRANGE lex [d [b BYLEX REV
  ZRANGE lex - + BYLEX LIMIT 2 2
  ZRANGE lex + - BYLEX REV LIMIT 1 4
  ZRANGE lex - + BYLEX WITHSCORES
  ZRANGE lex a b BYLEX
  ZRANGE z - + BYLEX
  ZRANGEBYLEX nokey - +
  ZRANGEBYLEX nokey a b
`;

const STORE = `
  ZRANGESTORE dst z 0 -1
  ZRANGE dst 0 -1 WITHSCORES
  OBJECT ENCODING dst
  ZRANGESTORE dst z 1 2
  ZRANGE dst 0 -1 WITHSCORES
  ZRANGESTORE dst z (2 4 BYSCORE
  ZRANGE dst 0 -1 WITHSCORES
  ZRANGESTORE dst z 4 (2 BYSCORE REV LIMIT 1 2
  ZRANGE dst 0 -1 WITHSCORES
  ZRANGESTORE dst lex [b [e BYLEX
  ZRANGE dst 0 -1 WITHSCORES
  ZRANGESTORE dst z 0 -1 REV
  ZRANGE dst 0 -1
  ZRANGESTORE dst z 10 20
  EXISTS dst
  ZRANGESTORE dst z 10 20
  ZRANGESTORE dst nokey 0 -1
  SET str v
  ZRANGESTORE str z 0 0
  TYPE str
  ZRANGESTORE str nokey 0 -1
  EXISTS str
  ZRANGESTORE z z 0 1
  ZRANGE z 0 -1 WITHSCORES
  ZRANGESTORE dst z 0 -1 WITHSCORES
  ZRANGESTORE dst z 0 -1 LIMIT 0 1
  ZRANGESTORE dst z a b
  ZRANGESTORE dst z a b BYSCORE
  ZRANGESTORE dst z a b BYLEX
  ZRANGESTORE dst str 0 -1
`;

const REMRANGE = `
  ZREMRANGEBYRANK z 0 0
  ZRANGE z 0 -1
  ZREMRANGEBYRANK z -2 -1
  ZRANGE z 0 -1
  ZREMRANGEBYRANK z 5 1
  ZREMRANGEBYRANK z 100 200
  ZREMRANGEBYRANK z -100 -50
  ZREMRANGEBYRANK z a 1
  ZREMRANGEBYRANK nokey 0 -1
  ZREMRANGEBYSCORE z (2 3
  ZRANGE z 0 -1 WITHSCORES
  ZREMRANGEBYSCORE z 10 20
  ZREMRANGEBYSCORE z nan 1
  ZREMRANGEBYSCORE z a b
  ZREMRANGEBYSCORE nokey 0 1
  ZREMRANGEBYSCORE nokey a b
  ZREMRANGEBYLEX lex [b (d
  ZRANGE lex 0 -1
  ZREMRANGEBYLEX lex (f +
  ZRANGE lex 0 -1
  ZREMRANGEBYLEX lex a b
  ZREMRANGEBYLEX nokey - +
  ZREMRANGEBYLEX lex - +
  EXISTS lex
  ZREMRANGEBYRANK z 0 -1
  EXISTS z
  ZADD z 1 a 2 b 3 c
  ZREMRANGEBYSCORE z -inf +inf
  EXISTS z
`;

describe('sorted set ranges vs redis-server', () => {
  const script = differentialSuite();
  for (const [encoding, setup] of Object.entries(ENCODINGS)) {
    script(`ZRANGE by rank, ZREVRANGE (${encoding})`, setup + FIXTURE + RANK);
    script(`by score, ZRANGEBYSCORE, ZREVRANGEBYSCORE (${encoding})`, setup + FIXTURE + SCORE);
    script(`by lex, ZRANGEBYLEX, ZREVRANGEBYLEX (${encoding})`, setup + FIXTURE + LEX);
    script(`ZRANGESTORE (${encoding})`, setup + FIXTURE + STORE);
    script(`ZREMRANGEBYRANK, ZREMRANGEBYSCORE, ZREMRANGEBYLEX (${encoding})`, setup + FIXTURE + REMRANGE);
  }

  script('ranges over a big skiplist and at its ends', `
    CONFIG SET zset-max-listpack-entries 128
    ZADD big ${Array.from({ length: 300 }, (_, i) => `${Math.floor(i / 3)} m${String(i).padStart(3, '0')}`).join(' ')}
    OBJECT ENCODING big
    ZRANGE big 0 4 WITHSCORES
    ZRANGE big 150 155 WITHSCORES
    ZRANGE big -5 -1 WITHSCORES
    ZRANGE big 0 4 REV
    ZRANGE big 150 155 REV
    ZRANK big m150
    ZREVRANK big m150
    ZRANK big m000
    ZRANK big m299
    ZCOUNT big 10 20
    ZCOUNT big (10 (20
    ZRANGEBYSCORE big 50 51 WITHSCORES
    ZRANGEBYSCORE big (50 51 LIMIT 1 2
    ZREVRANGEBYSCORE big 51 (50
    ZREVRANGEBYSCORE big 60 -inf LIMIT 10 3
    ZRANGEBYLEX big [m100 [m105
    ZLEXCOUNT big [m100 (m200
    ZREMRANGEBYRANK big 10 19
    ZRANGE big 8 12
    ZREMRANGEBYSCORE big 90 95
    ZRANGE big -3 -1 WITHSCORES
    ZREMRANGEBYLEX big [m200 [m210
    ZCARD big
    ZRANGE big 190 200
  `);
});
